import type { ChartSpec } from "../../spec/spec";
import type { Db, Row } from "../tables";

/**
 * The `series` view: one or more series over time for one breakdown, in the chart's mode.
 * params: $1 series ids (comma list), $2 dimension, $3 category codes (comma list, '' = all),
 *         $4 first year, $5 last year, $6 mode ('absolute' | 'share' | 'index'), $7 keep cumulative periods (bar)
 * out:    series_id, category, period, period_start, period_end, period_type, year, partial, value, share, y,
 *         qualifier, derived, break_before, segment, grade, source_id, note_en, note_ko, sort
 * Cumulative multi-year totals are left out of lines (they would sit on a year as if they were that year's figure);
 * a bar chart shows one period's breakdown, labelled with its period, so there they are kept.
 * `y` is the plotted value: the count, the share as published, or an index (first full period = 100; derived). An
 * index stops at a series break: figures after it (another definition or unit) have no index.
 */
export const SERIES_SQL = `
WITH base AS (
  SELECT o.*, CAST(year(o.period_end) AS INTEGER) AS year, COALESCE(c.sort, 999) AS sort
  FROM observations o
  LEFT JOIN categories c ON c.dimension = o.dimension AND c.category = o.category
  WHERE list_contains(string_split($1, ','), o.series_id)
    AND o.dimension = $2
    AND o.subdimension IS NULL
    -- A cumulative multi-year total cannot be placed at one year beside yearly figures (sources page lists it).
    AND (o.period_type <> 'cumulative' OR $7)
    AND ($3 = '' OR list_contains(string_split($3, ','), o.category))
),
ranged AS (
  SELECT *,
    CAST(SUM(CASE WHEN break_before THEN 1 ELSE 0 END)
      OVER (PARTITION BY series_id, category ORDER BY period_start) AS INTEGER) AS segment
  FROM base
  WHERE year BETWEEN $4 AND $5
),
based AS (
  -- The index base: the first full, exact figure in the range, and the segment (between breaks) it lies in.
  SELECT *,
    FIRST_VALUE(CASE WHEN NOT partial AND (qualifier IS NULL OR qualifier = '') THEN value END IGNORE NULLS)
      OVER w AS base_value,
    FIRST_VALUE(CASE WHEN NOT partial AND (qualifier IS NULL OR qualifier = '') AND value IS NOT NULL
                     THEN segment END IGNORE NULLS)
      OVER w AS base_segment
  FROM ranged
  WINDOW w AS (PARTITION BY series_id, category ORDER BY period_start
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT series_id, category, period,
  strftime(period_start, '%Y-%m-%d') AS period_start,
  strftime(period_end, '%Y-%m-%d') AS period_end,
  period_type, year, partial, value, share,
  CASE $6
    WHEN 'share' THEN share
    -- Never indexed across a break: a figure on another definition or unit has no common base with the base year.
    WHEN 'index' THEN CASE WHEN partial OR base_value IS NULL OR base_value = 0 OR segment <> base_segment THEN NULL
                           ELSE round(value / base_value * 100, 1) END
    ELSE value
  END AS y,
  COALESCE(qualifier, '') AS qualifier, derived, break_before, segment, grade, source_id,
  COALESCE(note_en, '') AS note_en, COALESCE(note_ko, '') AS note_ko, sort
FROM based
ORDER BY series_id, sort, category, period_start`;

export function seriesParams(spec: ChartSpec): (string | number | boolean)[] {
  return [
    spec.series.join(","),
    spec.dimension,
    // A set: sorted, so that one selection is one query whatever order the boxes were ticked in.
    [...spec.categories].sort().join(","),
    spec.from,
    spec.to,
    spec.mode,
    spec.mark === "bar",
  ];
}

export function querySeries(db: Db, spec: ChartSpec): Promise<Row[]> {
  return db.query(SERIES_SQL, seriesParams(spec));
}
