import type { Db, Row } from "../tables";

/**
 * The indicator table of the compare page: one row per indicator (a series' total or one category of a breakdown
 * people cite) with its figure in year A and in year B, and why a change cannot be computed when it cannot.
 * The same SQL runs at build time (DuckDB in Node) for the default years and in DuckDB-WASM when a reader changes
 * them. Series are never listed here: every series in the data is picked up.
 */

/** Breakdowns the table lists besides each series' total: the ones readers quote. */
export const INDICATOR_DIMENSIONS: readonly string[] = ["total", "sex", "age", "harm_type", "relationship"];

/** A window or partial period may differ from the other year's by this many days (leap years) and still match. */
const SAME_LENGTH_DAYS = 3;

/**
 * One figure per indicator and year: a full calendar (or financial) year if there is one, else the longest other
 * period ending in that year (a window, or a partial period that then blocks any change).
 * params: $3 dimensions (comma list)
 */
const PICK_CTE = `
cand AS (
  SELECT o.series_id, o.dimension, o.category, CAST(year(o.period_end) AS INTEGER) AS year, o.period,
         CAST(o.period_start AS VARCHAR) AS period_start, CAST(o.period_end AS VARCHAR) AS period_end,
         o.period_type, o.partial, o.value, o.share, COALESCE(o.qualifier, '') AS qualifier, o.derived,
         o.source_id, date_diff('day', o.period_start, o.period_end) + 1 AS days
  FROM observations o
  WHERE o.subdimension IS NULL AND o.period_type <> 'cumulative'
    AND (o.value IS NOT NULL OR o.share IS NOT NULL)
    AND list_contains(string_split($3, ','), o.dimension)
),
pick AS (
  SELECT * FROM cand
  QUALIFY row_number() OVER (PARTITION BY series_id, dimension, category, year
    ORDER BY (period_type IN ('calendar_year', 'financial_year') AND NOT partial) DESC, partial, days DESC,
             period_end DESC, period) = 1
)`;

/**
 * params: $1 year A, $2 year B, $3 dimensions (comma list)
 * out:    series_id, dimension, category, sort, period_a/b, period_start_a/b, period_end_a/b, period_type_a/b,
 *         value_a/b, share_a/b, qualifier_a/b, derived_a/b, source_a/b, measure ('count' | 'share' | NULL),
 *         change (count, or percentage points for a share), change_pct, reason (NULL when comparable),
 *         unknown_a/b (share of "unknown" in the breakdown, %), unknown_warn, known_a/b (share of known, %),
 *         known_change (points)
 * Reasons, first that applies: missing_a, missing_b, break (definition changed between A and B), partial,
 * period_length (different kinds or lengths of period), approx (a qualified figure such as "more than"),
 * mixed (a count in one year, only a share in the other), share (a share: change in points, no %), zero (no % from 0),
 * unknown_shift (the breakdown's "unknown" share moved > 5 points: counts are not like for like; see known_a/b).
 */
export const INDICATORS_SQL = `
WITH ${PICK_CTE},
a AS (SELECT * FROM pick WHERE year = $1),
b AS (SELECT * FROM pick WHERE year = $2),
brk AS (
  SELECT DISTINCT series_id FROM observations
  WHERE break_before AND CAST(year(period_end) AS INTEGER) > least($1, $2)
    AND CAST(year(period_end) AS INTEGER) <= greatest($1, $2)
),
tot AS (SELECT series_id, year, value FROM pick WHERE dimension = 'total'),
-- Share of each category in its breakdown: as published, else its count over the series' total for that year.
sh AS (
  SELECT p.series_id, p.dimension, p.category, p.year,
         COALESCE(p.share, CASE WHEN t.value > 0 THEN p.value / t.value * 100 END) AS pct
  FROM pick p LEFT JOIN tot t ON t.series_id = p.series_id AND t.year = p.year
  WHERE p.dimension <> 'total'
),
unk AS (SELECT series_id, dimension, year, pct FROM sh WHERE category = 'unknown'),
has_unk AS (SELECT DISTINCT series_id, dimension FROM observations WHERE category = 'unknown'),
-- Years whose "unknown" bucket is in the data as a gap: the source had one, its size is not publishable.
unk_gap AS (
  SELECT DISTINCT series_id, dimension, CAST(year(period_end) AS INTEGER) AS year FROM observations
  WHERE category = 'unknown' AND value IS NULL AND share IS NULL AND subdimension IS NULL
),
j AS (
  SELECT COALESCE(a.series_id, b.series_id) AS series_id, COALESCE(a.dimension, b.dimension) AS dimension,
         COALESCE(a.category, b.category) AS category,
         a.period AS period_a, b.period AS period_b, a.period_start AS period_start_a, b.period_start AS period_start_b,
         a.period_end AS period_end_a, b.period_end AS period_end_b, a.period_type AS period_type_a,
         b.period_type AS period_type_b, a.partial AS partial_a, b.partial AS partial_b, a.days AS days_a,
         b.days AS days_b, a.value AS value_a, b.value AS value_b, a.share AS share_a, b.share AS share_b,
         COALESCE(a.qualifier, '') AS qualifier_a, COALESCE(b.qualifier, '') AS qualifier_b,
         COALESCE(a.derived, false) AS derived_a, COALESCE(b.derived, false) AS derived_b,
         a.source_id AS source_a, b.source_id AS source_b,
         a.series_id IS NOT NULL AS has_a, b.series_id IS NOT NULL AS has_b
  FROM a FULL JOIN b ON a.series_id = b.series_id AND a.dimension = b.dimension AND a.category = b.category
),
m AS (
  SELECT j.*,
    CASE WHEN value_a IS NOT NULL AND value_b IS NOT NULL THEN 'count'
         WHEN share_a IS NOT NULL AND share_b IS NOT NULL THEN 'share' END AS measure,
    CASE WHEN NOT has_a THEN 'missing_a'
         WHEN NOT has_b THEN 'missing_b'
         WHEN j.series_id IN (SELECT series_id FROM brk) THEN 'break'
         WHEN partial_a OR partial_b THEN 'partial'
         WHEN period_type_a <> period_type_b OR abs(days_a - days_b) > ${SAME_LENGTH_DAYS} THEN 'period_length'
         WHEN qualifier_a <> '' OR qualifier_b <> '' THEN 'approx'
         WHEN NOT ((value_a IS NOT NULL AND value_b IS NOT NULL) OR (share_a IS NOT NULL AND share_b IS NOT NULL))
           THEN 'mixed'
         WHEN value_a IS NULL OR value_b IS NULL THEN 'share'
         WHEN value_a = 0 THEN 'zero' END AS reason
  FROM j
),
w AS (
  SELECT m.*, COALESCE(c.sort, 999) AS sort, round(ua.pct, 1) AS unknown_a, round(ub.pct, 1) AS unknown_b,
    -- Counts of known categories are not like for like when the unknown share moves by more than 5 points, when
    -- it is large in one year and not published in the other, or when a year's unknown bucket is a gap.
    COALESCE(hu.series_id IS NOT NULL AND m.dimension <> 'total' AND (
       (ua.pct IS NOT NULL AND ub.pct IS NOT NULL AND abs(ub.pct - ua.pct) > 5)
       OR (ua.pct IS NULL AND ub.pct >= 5) OR (ub.pct IS NULL AND ua.pct >= 5)
       OR (ua.pct IS NULL AND ga.series_id IS NOT NULL) OR (ub.pct IS NULL AND gb.series_id IS NOT NULL)), false)
      AS unknown_warn,
    CASE WHEN m.category <> 'unknown' AND ua.pct < 100 THEN round(sa.pct / (100 - ua.pct) * 100, 1) END AS known_a,
    CASE WHEN m.category <> 'unknown' AND ub.pct < 100 THEN round(sb.pct / (100 - ub.pct) * 100, 1) END AS known_b
  FROM m
  LEFT JOIN categories c ON c.dimension = m.dimension AND c.category = m.category
  LEFT JOIN has_unk hu ON hu.series_id = m.series_id AND hu.dimension = m.dimension
  LEFT JOIN unk_gap ga ON ga.series_id = m.series_id AND ga.dimension = m.dimension AND ga.year = $1
  LEFT JOIN unk_gap gb ON gb.series_id = m.series_id AND gb.dimension = m.dimension AND gb.year = $2
  LEFT JOIN unk ua ON ua.series_id = m.series_id AND ua.dimension = m.dimension AND ua.year = $1
  LEFT JOIN unk ub ON ub.series_id = m.series_id AND ub.dimension = m.dimension AND ub.year = $2
  LEFT JOIN sh sa ON sa.series_id = m.series_id AND sa.dimension = m.dimension AND sa.category = m.category
    AND sa.year = $1
  LEFT JOIN sh sb ON sb.series_id = m.series_id AND sb.dimension = m.dimension AND sb.category = m.category
    AND sb.year = $2
),
r AS (SELECT w.* REPLACE (CASE WHEN unknown_warn AND (reason IS NULL OR reason IN ('share', 'zero')) THEN 'unknown_shift' ELSE reason END AS reason) FROM w)
SELECT series_id, dimension, category, sort,
  period_a, period_b, period_start_a, period_start_b, period_end_a, period_end_b, period_type_a, period_type_b,
  value_a, value_b, share_a, share_b, qualifier_a, qualifier_b, derived_a, derived_b, source_a, source_b, measure,
  CASE WHEN reason IS NULL OR reason = 'zero' THEN value_b - value_a
       WHEN reason = 'share' THEN round(share_b - share_a, 1) END AS change,
  CASE WHEN reason IS NULL THEN round((value_b / value_a - 1) * 100, 1) END AS change_pct,
  reason, unknown_a, unknown_b, unknown_warn, known_a, known_b,
  CASE WHEN known_a IS NOT NULL AND known_b IS NOT NULL THEN round(known_b - known_a, 1) END AS known_change
FROM r
ORDER BY series_id, CASE WHEN dimension = 'total' THEN 0 ELSE 1 END, dimension, sort, category`;

/**
 * Year pairs the page offers: A before B, and some indicator has a figure in both.
 * params: $3 dimensions (comma list) ($1, $2 unused, kept so one parameter list serves both queries)
 * out: a, b
 */
export const YEAR_PAIRS_SQL = `
WITH ${PICK_CTE}
SELECT DISTINCT x.year AS a, y.year AS b FROM pick x
JOIN pick y ON x.series_id = y.series_id AND x.dimension = y.dimension AND x.category = y.category
  AND x.year < y.year AND $1 = $1 AND $2 = $2
ORDER BY a, b`;

export function indicatorParams(a: number, b: number): (string | number)[] {
  return [a, b, INDICATOR_DIMENSIONS.join(",")];
}

export function queryIndicators(db: Db, a: number, b: number): Promise<Row[]> {
  return db.query(INDICATORS_SQL, indicatorParams(a, b));
}

export async function queryYearPairs(db: Db): Promise<[number, number][]> {
  const rows = await db.query(YEAR_PAIRS_SQL, indicatorParams(0, 0));
  return rows.map((r) => [Number(r.a), Number(r.b)]);
}
