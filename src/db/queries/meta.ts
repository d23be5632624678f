import type { Db, Row } from "../tables";

/**
 * Metadata the charts need for labels, units, notes and sources (read once at build time and embedded in
 * pages, so the browser can redraw without a second round of queries).
 * out: categories(dimension, category, label_ko, label_en, sort); series(*); sources(*); events(* with ISO dates)
 */
export const CATEGORIES_SQL = `SELECT dimension, category, label_ko, label_en, sort FROM categories ORDER BY dimension, sort, category`;
export const SERIES_META_SQL = `SELECT * FROM series ORDER BY series_id`;
export const SOURCES_SQL = `SELECT * FROM sources ORDER BY source_id`;
export const EVENTS_SQL = `SELECT event_id, date, COALESCE(end_date, '') AS end_date,
  kind, title_ko, title_en, source_id, COALESCE(series_ids, '') AS series_ids FROM events ORDER BY date, event_id`;

/**
 * The years the given series have published figures for (a value or a share), by the year a period ends in:
 * what a catalog's "earliest", "latest" and "latest-full" years mean.
 * params: $1 series ids (comma list)
 * out:    earliest, latest, latest_full (the last year ending a period that is not partial); NULL when none
 */
export const YEAR_RANGE_SQL = `SELECT CAST(min(year(period_end)) AS INTEGER) AS earliest,
  CAST(max(year(period_end)) AS INTEGER) AS latest,
  CAST(max(CASE WHEN NOT partial THEN year(period_end) END) AS INTEGER) AS latest_full
  FROM observations WHERE list_contains(string_split($1, ','), series_id) AND (value IS NOT NULL OR share IS NOT NULL)`;

/**
 * Categories present per series and breakdown: the choices a chart offers and the codes a URL may carry.
 * params: $1 series ids (comma list)
 * out:    series_id, dimension, cats (comma list, sorted)
 */
export const AVAILABLE_SQL = `SELECT series_id, dimension, string_agg(DISTINCT category, ',' ORDER BY category) AS cats
  FROM observations WHERE subdimension IS NULL AND list_contains(string_split($1, ','), series_id)
  GROUP BY ALL ORDER BY ALL`;

/**
 * Sources that back the given series.
 * params: $1 series ids (comma list)
 * out:    source_id
 */
export const SOURCES_OF_SQL = `SELECT DISTINCT source_id FROM observations
  WHERE list_contains(string_split($1, ','), series_id) ORDER BY 1`;

/**
 * The last full period of a type with a published figure for a series, breakdown and category (headlines).
 * params: $1 series_id, $2 dimension, $3 category, $4 period_type
 * out:    period, year (the year the period ends in)
 */
export const LATEST_PERIOD_SQL = `SELECT period, CAST(year(period_end) AS INTEGER) AS year FROM observations
  WHERE series_id = $1 AND dimension = $2 AND category = $3 AND period_type = $4 AND subdimension IS NULL
    AND NOT partial AND value IS NOT NULL
  ORDER BY period_end DESC LIMIT 1`;

export async function loadMeta(db: Db): Promise<{
  categories: Row[];
  series: Row[];
  sources: Row[];
  events: Row[];
}> {
  // Sequential: one connection runs one statement at a time.
  const categories = await db.query(CATEGORIES_SQL);
  const series = await db.query(SERIES_META_SQL);
  const sources = await db.query(SOURCES_SQL);
  const events = await db.query(EVENTS_SQL);
  return { categories, series, sources, events };
}

/**
 * Series published only as shares (a rate or a percentage, no counts): they are drawn in share mode whatever a
 * URL or control asks, since there is no count to draw.
 * out: series_id
 */
/** Series with at least one published share. */
const SHARE_SERIES_SQL = `SELECT DISTINCT series_id FROM observations WHERE share IS NOT NULL ORDER BY series_id`;

export const SHARE_ONLY_SQL = `SELECT series_id FROM observations
  GROUP BY series_id HAVING bool_and(value IS NULL) AND bool_or(share IS NOT NULL) ORDER BY series_id`;

/**
 * Series with at least two yearly figures (calendar or financial years, or complete twelve-month windows such as
 * the deepfake taskforce's): what the Trends page offers. The figure is the count, or the published share for a
 * series that has only shares (a clearance rate, a share of offences).
 */
export const TRENDABLE_SERIES_SQL = `WITH shares AS (${SHARE_ONLY_SQL})
  SELECT o.series_id FROM observations o LEFT JOIN shares s ON s.series_id = o.series_id
  WHERE o.value IS NOT NULL OR (s.series_id IS NOT NULL AND o.share IS NOT NULL)
  GROUP BY o.series_id
  HAVING count(DISTINCT o.period) FILTER (WHERE o.period_type IN ('calendar_year', 'financial_year')
      OR (o.period_type = 'window' AND NOT o.partial
        AND date_diff('day', o.period_start, o.period_end) BETWEEN 358 AND 370)) >= 2
    -- …and never a series whose complete windows differ in length: a line would join unlike periods.
    AND bool_and(o.period_type <> 'window' OR o.partial
      OR date_diff('day', o.period_start, o.period_end) BETWEEN 358 AND 370)
  ORDER BY o.series_id`;

/**
 * Series breaks for the sources page: every observation marked as following a definition change, described by
 * the series' breaks note (or the observation's own note when the series has none).
 * out: series_id, period, category, breaks_en, breaks_ko, source_id
 */
export const BREAKS_SQL = `SELECT o.series_id, o.period, o.category, COALESCE(s.breaks_en, o.note_en, '') AS breaks_en,
  COALESCE(s.breaks_ko, o.note_ko, '') AS breaks_ko, o.source_id
  FROM observations o JOIN series s ON s.series_id = o.series_id
  WHERE o.break_before ORDER BY o.series_id, o.period_start, o.category`;

/**
 * Which series each source backs (sources page).
 * out: source_id, series_ids (space-separated, sorted)
 */
export const SOURCE_SERIES_SQL = `SELECT source_id, string_agg(DISTINCT series_id, ' ' ORDER BY series_id) AS series_ids
  FROM (SELECT source_id, series_id FROM observations UNION SELECT source_id, series_id FROM alternatives)
  GROUP BY source_id ORDER BY source_id`;

/**
 * Conflicting figures: each alternative beside the figure the site keeps for the same series, period and category.
 * out: series_id, period, category, dimension, kept_value, kept_share, kept_source, alt_value, alt_share, alt_source,
 *      alt_grade, note_en, note_ko
 */
export const CONFLICTS_SQL = `SELECT a.series_id, a.period, a.category, o.dimension, o.value AS kept_value, o.share AS kept_share,
  o.source_id AS kept_source, a.value AS alt_value, a.share AS alt_share, a.source_id AS alt_source,
  a.grade AS alt_grade, COALESCE(a.note_en, '') AS note_en, COALESCE(a.note_ko, '') AS note_ko
  FROM alternatives a
  LEFT JOIN observations o ON o.series_id = a.series_id AND o.period = a.period AND o.category = a.category
    AND o.subdimension IS NULL
  ORDER BY a.series_id, a.period, a.category, a.source_id`;

/**
 * The figures the site shows for the given observations, keyed `series_id|period|dimension|category` (the sources
 * page's conflicts we could not check: each names the figure shown, never the other outlet's).
 * params: $1 keys (comma list)
 * out:    key, series_id, period, dimension, category, value, share, qualifier, source_id
 */
export const SHOWN_FIGURES_SQL = `SELECT concat_ws('|', series_id, period, dimension, category) AS key,
  series_id, period, dimension, category, value, share, COALESCE(qualifier, '') AS qualifier, source_id
  FROM observations WHERE subdimension IS NULL
    AND list_contains(string_split($1, ','), concat_ws('|', series_id, period, dimension, category))
  ORDER BY series_id, period_start, dimension, category`;

/** The figures shown for the given `series_id|period|dimension|category` keys (rows with no figure included). */
export async function shownFigures(db: Db, keys: readonly string[]): Promise<Row[]> {
  return keys.length === 0 ? [] : db.query(SHOWN_FIGURES_SQL, [keys.join(",")]);
}

/** The sources page's tables: series breaks, conflicting figures and which series each source backs. */
export async function loadSourcesPage(
  db: Db,
): Promise<{ breaks: Row[]; conflicts: Row[]; usedBy: Record<string, string[]> }> {
  const breaks = await db.query(BREAKS_SQL);
  const conflicts = await db.query(CONFLICTS_SQL);
  const usedBy: Record<string, string[]> = {};
  for (const r of await db.query(SOURCE_SERIES_SQL)) usedBy[String(r.source_id)] = String(r.series_ids).split(" ");
  return { breaks, conflicts, usedBy };
}

/** Series ids with yearly figures (Trends' choices). */
export async function trendableSeries(db: Db): Promise<string[]> {
  return (await db.query(TRENDABLE_SERIES_SQL)).map((r) => String(r.series_id));
}

/** Of `series`, those published only as shares. */
export async function shareOnlySeries(db: Db, series: readonly string[]): Promise<string[]> {
  const all = (await db.query(SHARE_ONLY_SQL)).map((r) => String(r.series_id));
  return all.filter((s) => series.includes(s));
}

/** Of `series`, those with no published share at all. */
export async function noShareSeries(db: Db, series: readonly string[]): Promise<string[]> {
  const withShares = new Set((await db.query(SHARE_SERIES_SQL)).map((r) => String(r.series_id)));
  return series.filter((s) => !withShares.has(s));
}

/** Earliest, latest and latest full year of the given series (null when they have no figures). */
export async function yearRange(
  db: Db,
  series: readonly string[],
): Promise<{ earliest: number; latest: number; latestFull: number } | null> {
  const r = (await db.query(YEAR_RANGE_SQL, [series.join(",")]))[0];
  if (!r || r.earliest == null || r.latest == null) return null;
  return { earliest: Number(r.earliest), latest: Number(r.latest), latestFull: Number(r.latest_full ?? r.latest) };
}

/** series → dimension → categories present in the data, for the given series. */
export async function availableCategories(
  db: Db,
  series: readonly string[],
): Promise<Record<string, Record<string, string[]>>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const r of await db.query(AVAILABLE_SQL, [series.join(",")])) {
    const sid = String(r.series_id);
    out[sid] ??= {};
    out[sid][String(r.dimension)] = String(r.cats ?? "")
      .split(",")
      .filter(Boolean);
  }
  return out;
}

/** Source ids behind the given series. */
export async function sourcesOfSeries(db: Db, series: readonly string[]): Promise<string[]> {
  return (await db.query(SOURCES_OF_SQL, [series.join(",")])).map((r) => String(r.source_id));
}
