import type { Db, Row } from "../tables";

/**
 * The Justice page's own figures, read from the data so its summary is never typed by hand.
 * out (one row): total, prison, prison_share, fine_share, split_from, split_to (the latest published cumulative
 *      first-instance split); share_first_year, share_first, share_last_year, share_last (the yearly imprisonment
 *      shares); court_last_year (last year with any court figure); cases_first_year, cases_first, peak_year,
 *      peak_cases (police occurrences before the 2024 break)
 */
export const JUSTICE_SQL = `
WITH split AS (
  SELECT * FROM observations
  WHERE series_id = 'court_illegal_filming_outcomes' AND period_type = 'cumulative' AND subdimension IS NULL
    AND period_end = (SELECT max(period_end) FROM observations
                      WHERE series_id = 'court_illegal_filming_outcomes' AND period_type = 'cumulative')
),
shares AS (
  SELECT CAST(year(period_end) AS INTEGER) AS year, share FROM observations
  WHERE series_id = 'court_illegal_filming_prison_share' AND NOT partial AND share IS NOT NULL
),
cases AS (
  SELECT CAST(year(period_end) AS INTEGER) AS year, value FROM observations
  WHERE series_id = 'knpa_illegal_filming_cases' AND dimension = 'total' AND NOT partial AND value IS NOT NULL
    AND period_start < (SELECT COALESCE(min(period_start), DATE '9999-12-31') FROM observations
                        WHERE series_id = 'knpa_illegal_filming_cases' AND break_before)
)
SELECT
  (SELECT value FROM split WHERE dimension = 'total') AS total,
  (SELECT value FROM split WHERE category = 'imprisonment') AS prison,
  (SELECT share FROM split WHERE category = 'imprisonment') AS prison_share,
  (SELECT share FROM split WHERE category = 'fine') AS fine_share,
  (SELECT CAST(year(min(period_start)) AS INTEGER) FROM split) AS split_from,
  (SELECT CAST(year(max(period_end)) AS INTEGER) FROM split) AS split_to,
  (SELECT min(year) FROM shares) AS share_first_year,
  (SELECT share FROM shares ORDER BY year LIMIT 1) AS share_first,
  (SELECT max(year) FROM shares) AS share_last_year,
  (SELECT share FROM shares ORDER BY year DESC LIMIT 1) AS share_last,
  (SELECT CAST(max(year(period_end)) AS INTEGER) FROM observations WHERE series_id LIKE 'court\\_%' ESCAPE '\\') AS court_last_year,
  (SELECT min(year) FROM cases) AS cases_first_year,
  (SELECT value FROM cases ORDER BY year LIMIT 1) AS cases_first,
  (SELECT year FROM cases ORDER BY value DESC, year LIMIT 1) AS peak_year,
  (SELECT max(value) FROM cases) AS peak_cases`;

export async function queryJustice(db: Db): Promise<Row> {
  const rows = await db.query(JUSTICE_SQL);
  const r = rows[0];
  if (!r || r.total == null || r.prison == null) throw new Error("Justice page: no first-instance split in the data");
  return r;
}
