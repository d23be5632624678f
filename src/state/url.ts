import type { ChartSpec, UrlField } from "../charts/spec";
import { CODE_RE, MODES } from "../charts/spec";

/** What a chart lets readers choose; anything outside it in a URL is rejected. */
export interface SpecBounds {
  series: readonly string[];
  dimensions: readonly string[];
  categories?: readonly string[];
  years: readonly [number, number];
  /** Fields the chart's controls expose; other fields in a URL are ignored. */
  fields: readonly UrlField[];
}

/** Short URL keys, as OWID's grapher: only what differs from the defaults is written. */
const KEY: Record<UrlField, string> = {
  series: "series",
  dimension: "dim",
  categories: "cats",
  mode: "mode",
  from: "from",
  to: "to",
  a: "a",
  b: "b",
};

const list = (v: readonly string[]) => v.join(",");

/** Encode the fields of `spec` that differ from `defaults` as a query string (without "?"). */
export function specToQuery(spec: ChartSpec, defaults: ChartSpec, fields: readonly UrlField[]): string {
  const p = new URLSearchParams();
  for (const f of fields) {
    const v = spec[f];
    const d = defaults[f];
    const s = Array.isArray(v) ? list(v) : String(v);
    const ds = Array.isArray(d) ? list(d) : String(d);
    if (s !== ds) p.set(KEY[f], s);
  }
  return p.toString();
}

export interface Decoded {
  spec: ChartSpec;
  /** Names of parameters that were present but invalid (never their values: they may be hostile). */
  rejected: string[];
}

const YEAR_RE = /^\d{4}$/;

/**
 * Read a spec from URL parameters over `defaults`. Every value is checked against `bounds`;
 * an invalid one falls back to the default and its key is reported. Unknown keys are ignored.
 */
export function queryToSpec(params: URLSearchParams, defaults: ChartSpec, bounds: SpecBounds): Decoded {
  const spec: ChartSpec = { ...defaults, series: [...defaults.series], categories: [...defaults.categories] };
  const rejected: string[] = [];
  const get = (f: UrlField) => (bounds.fields.includes(f) ? params.get(KEY[f]) : null);
  const reject = (f: UrlField) => rejected.push(KEY[f]);

  const codes = (raw: string, allowed: readonly string[] | undefined, max: number): string[] | null => {
    if (raw.length > 400) return null;
    const parts = raw === "" ? [] : raw.split(",");
    if (parts.length > max) return null;
    if (!parts.every((c) => CODE_RE.test(c) && (!allowed || allowed.includes(c)))) return null;
    return [...new Set(parts)];
  };
  const year = (raw: string): number | null => {
    if (!YEAR_RE.test(raw)) return null;
    const y = Number(raw);
    return y >= bounds.years[0] && y <= bounds.years[1] ? y : null;
  };

  const series = get("series");
  if (series != null) {
    const v = codes(series, bounds.series, 8);
    if (v && v.length) spec.series = v;
    else reject("series");
  }
  const dim = get("dimension");
  if (dim != null) {
    if (CODE_RE.test(dim) && bounds.dimensions.includes(dim)) spec.dimension = dim;
    else reject("dimension");
  }
  const cats = get("categories");
  if (cats != null) {
    const v = codes(cats, bounds.categories, 30);
    if (v) spec.categories = v;
    else reject("categories");
  }
  const mode = get("mode");
  if (mode != null) {
    const m = MODES.find((x) => x === mode);
    if (m) spec.mode = m;
    else reject("mode");
  }
  for (const f of ["from", "to", "a", "b"] as const) {
    const raw = get(f);
    if (raw == null) continue;
    const y = year(raw);
    if (y != null) spec[f] = y;
    else reject(f);
  }
  if (spec.from > spec.to) {
    rejected.push(KEY.from, KEY.to);
    spec.from = defaults.from;
    spec.to = defaults.to;
  }
  return { spec, rejected: [...new Set(rejected)] };
}
