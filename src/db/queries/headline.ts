import type { Db, Row } from "../tables";
import { LATEST_PERIOD_SQL } from "./meta";

/**
 * One headline figure and the period before it (same series, breakdown and period type; full periods only).
 * params: $1 series_id, $2 dimension, $3 category, $4 period label
 * out:    series_id, period, period_start, period_end, value, share, qualifier, source_id, grade,
 *         period_type, prev_period, prev_start, prev_end, prev_value, break_between (the definition changed between
 *         the previous period and this one), change_pct (NULL when either value is approximate or missing, and
 *         never computed across a series break)
 */
export const HEADLINE_SQL = `
WITH s AS (
  SELECT *,
    LAG(period) OVER w AS prev_period,
    LAG(strftime(period_start, '%Y-%m-%d')) OVER w AS prev_start,
    LAG(strftime(period_end, '%Y-%m-%d')) OVER w AS prev_end,
    LAG(value) OVER w AS prev_value,
    LAG(COALESCE(qualifier, '')) OVER w AS prev_qualifier
  FROM observations
  WHERE series_id = $1 AND dimension = $2 AND category = $3 AND subdimension IS NULL AND NOT partial
  WINDOW w AS (PARTITION BY period_type ORDER BY period_start)
)
SELECT series_id, period, strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end,
  period_type, value, share, COALESCE(qualifier, '') AS qualifier, source_id, grade,
  prev_period, prev_start, prev_end, prev_value, COALESCE(break_before, false) AS break_between,
  CASE WHEN COALESCE(qualifier, '') = '' AND prev_qualifier = '' AND prev_value > 0 AND NOT COALESCE(break_before, false)
       THEN round((value / prev_value - 1) * 100, 1) END AS change_pct
FROM s WHERE period = $4`;

export async function queryHeadline(
  db: Db,
  h: { series: string; dimension?: string; category?: string; period: string },
): Promise<Row | null> {
  const rows = await db.query(HEADLINE_SQL, [h.series, h.dimension ?? "total", h.category ?? "all", h.period]);
  return rows[0] ?? null;
}

/** The last full period of `periodType` with a figure for a series' breakdown and category (null when none). */
export async function latestPeriod(
  db: Db,
  h: { series: string; dimension?: string; category?: string; periodType: string },
): Promise<{ period: string; year: number } | null> {
  const r = (
    await db.query(LATEST_PERIOD_SQL, [h.series, h.dimension ?? "total", h.category ?? "all", h.periodType])
  )[0];
  return r ? { period: String(r.period), year: Number(r.year) } : null;
}
