/**
 * Build time: a catalog entry made concrete from the data. `seriesFrom` becomes the series list, and every
 * `YearRef` ("earliest", "latest", …) becomes a year, over the series a reader may choose; a follower takes its
 * compared years from the chart it follows. Next year's figures move these charts with no code change.
 */
import { buildDb } from "../db/node";
import type { Db } from "../db/tables";
import { availableCategories, noShareSeries, shareOnlySeries, trendableSeries, yearRange } from "../db/queries/meta";
import type { Lang } from "../i18n/format";
import { leaderOf, type ChartDef, type YearRef } from "../spec/catalog";
import type { ChartSpec, SpecBounds } from "../spec/spec";

export interface Resolved {
  defaults: ChartSpec;
  bounds: SpecBounds;
}

type Range = NonNullable<Awaited<ReturnType<typeof yearRange>>>;

function year(ref: YearRef, r: Range | null, id: string): number {
  if (typeof ref === "number") return ref;
  if (!r) throw new Error(`Chart ${id}: no figures to resolve "${ref}" from`);
  switch (ref) {
    case "earliest":
      return r.earliest;
    case "latest":
      return r.latest;
    case "latest-full":
      return r.latestFull;
    case "before-latest-full":
      return r.latestFull - 1;
  }
}

type Concrete = Omit<Resolved, "defaults"> & { years: Omit<ChartSpec, "lang"> };
const cache = new Map<string, Promise<Concrete>>();

/** Resolve a catalog entry against `db` (uncached; `resolve` caches it for the build's database). */
export async function resolveWith(db: Db, def: ChartDef): Promise<Concrete> {
  const series = def.seriesFrom === "trendable" ? await trendableSeries(db) : [...def.bounds.series];
  const range = await yearRange(db, series.length ? series : def.defaults.series);
  const d = def.defaults;
  const spec: Omit<ChartSpec, "lang"> = {
    ...d,
    from: year(d.from, range, def.id),
    to: year(d.to, range, def.id),
    a: year(d.a, range, def.id),
    b: year(d.b, range, def.id),
  };
  const leader = leaderOf(def);
  if (leader) {
    const l = await resolveWith(db, leader);
    spec.a = l.years.a;
    spec.b = l.years.b;
  }
  const boundSeries = series.length ? series : def.defaults.series;
  const bounds: SpecBounds = {
    ...def.bounds,
    series: boundSeries,
    years: [year(def.bounds.years[0], range, def.id), year(def.bounds.years[1], range, def.id)],
  };
  if (bounds.fields.length) {
    bounds.available = await availableCategories(db, [...new Set([...boundSeries, ...spec.series])]);
    const shares = await shareOnlySeries(db, boundSeries);
    if (shares.length) bounds.shareOnly = shares;
    if (bounds.fields.includes("mode")) {
      const none = await noShareSeries(db, boundSeries);
      if (none.length) bounds.noShares = none;
    }
  }
  return { bounds, years: spec };
}

/** The chart's concrete defaults and bounds for a language (resolved once per build). */
export async function resolve(def: ChartDef, lang: Lang): Promise<Resolved> {
  let c = cache.get(def.id);
  if (!c) {
    c = resolveWith(buildDb, def);
    cache.set(def.id, c);
  }
  const r = await c;
  return { defaults: { ...r.years, lang }, bounds: r.bounds };
}
