/** URL ⇄ chart spec. The URL holds only what differs from a chart's defaults; every value read is validated. */
import type { ChartSpec, SpecBounds, UrlField } from "./spec";
import { validateSpec } from "./validate";

export type { SpecBounds } from "./spec";

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
const MAX_LIST_CHARS = 400;

/** A comma list, or null when too long to be a real one (it is then rejected). */
const splitList = (raw: string): string[] | null =>
  raw.length > MAX_LIST_CHARS ? null : raw === "" ? [] : raw.split(",");

/**
 * Read a spec from URL parameters over `defaults`. Every value is checked by `validateSpec` against `bounds`;
 * an invalid one falls back to the default and its key is reported. Unknown keys are ignored.
 */
export function queryToSpec(params: URLSearchParams, defaults: ChartSpec, bounds: SpecBounds): Decoded {
  const candidate: ChartSpec = { ...defaults, series: [...defaults.series], categories: [...defaults.categories] };
  const present: UrlField[] = [];
  const bad: UrlField[] = [];
  for (const f of bounds.fields) {
    const raw = params.get(KEY[f]);
    if (raw == null) continue;
    present.push(f);
    const c = candidate as unknown as Record<string, unknown>;
    if (f === "series" || f === "categories") {
      const v = splitList(raw);
      if (v) c[f] = v;
      else bad.push(f);
    } else if (f === "from" || f === "to" || f === "a" || f === "b") {
      c[f] = YEAR_RE.test(raw) ? Number(raw) : NaN;
    } else c[f] = raw;
  }
  const { spec, rejected } = validateSpec(candidate, bounds, defaults, present);
  return { spec, rejected: [...new Set([...bad, ...rejected].map((f) => KEY[f]))] };
}
