import type { ChartSpec } from "../../spec/spec";
import type { Db, Row } from "../tables";

/**
 * The `compare` view: every breakdown of the chosen series in year A and year B (calendar years, full periods).
 * params: $1 series ids (comma list), $2 year A, $3 year B, $4 dimension ('' = all dimensions)
 * out:    series_id, dimension, category, value_a, value_b, share_a, share_b, qualifier_a, qualifier_b,
 *         change, change_pct, source_a, source_b, sort, break_between
 * Changes are computed only between two exact published counts (never from approximate values) and never across
 * a series break.
 */
export const COMPARE_SQL = `
WITH obs AS (
  SELECT o.series_id, o.dimension, o.category, CAST(year(o.period_end) AS INTEGER) AS year,
         o.value, o.share, o.source_id, COALESCE(o.qualifier, '') AS qualifier, COALESCE(c.sort, 999) AS sort
  FROM observations o
  LEFT JOIN categories c ON c.dimension = o.dimension AND c.category = o.category
  WHERE list_contains(string_split($1, ','), o.series_id)
    AND o.period_type = 'calendar_year' AND NOT o.partial AND o.subdimension IS NULL
    AND ($4 = '' OR o.dimension = $4)
),
-- A definition change between the two years makes their difference meaningless: no change is computed then.
brk AS (
  SELECT DISTINCT series_id, dimension, category FROM observations
  WHERE break_before AND subdimension IS NULL
    AND CAST(year(period_end) AS INTEGER) > least($2, $3) AND CAST(year(period_end) AS INTEGER) <= greatest($2, $3)
),
a AS (SELECT * FROM obs WHERE year = $2),
b AS (SELECT * FROM obs WHERE year = $3)
SELECT COALESCE(a.series_id, b.series_id) AS series_id,
       COALESCE(a.dimension, b.dimension) AS dimension,
       COALESCE(a.category, b.category) AS category,
       a.value AS value_a, b.value AS value_b, a.share AS share_a, b.share AS share_b,
       COALESCE(a.qualifier, '') AS qualifier_a, COALESCE(b.qualifier, '') AS qualifier_b,
       CASE WHEN COALESCE(a.qualifier, '') = '' AND COALESCE(b.qualifier, '') = '' AND brk.series_id IS NULL
            THEN b.value - a.value END AS change,
       CASE WHEN COALESCE(a.qualifier, '') = '' AND COALESCE(b.qualifier, '') = '' AND brk.series_id IS NULL AND a.value > 0
            THEN round((b.value / a.value - 1) * 100, 1) END AS change_pct,
       a.source_id AS source_a, b.source_id AS source_b,
       COALESCE(a.sort, b.sort) AS sort,
       brk.series_id IS NOT NULL AS break_between
FROM a FULL JOIN b ON a.series_id = b.series_id AND a.dimension = b.dimension AND a.category = b.category
LEFT JOIN brk ON brk.series_id = COALESCE(a.series_id, b.series_id) AND brk.dimension = COALESCE(a.dimension, b.dimension)
  AND brk.category = COALESCE(a.category, b.category)
ORDER BY series_id, CASE WHEN COALESCE(a.dimension, b.dimension) = 'total' THEN 0 ELSE 1 END, dimension, sort, category`;

export function compareParams(spec: ChartSpec): (string | number)[] {
  return [spec.series.join(","), spec.a, spec.b, spec.dimension === "all" ? "" : spec.dimension];
}

export function queryCompare(db: Db, spec: ChartSpec): Promise<Row[]> {
  return db.query(COMPARE_SQL, compareParams(spec));
}
