/**
 * The one validator of a chart spec against its bounds. The URL codec (./url.ts) and the controls
 * (src/charts/controls.ts) both call it, so a view a reader can reach one way is valid the other way too.
 */
import { CODE_RE, MODES, type ChartSpec, type Mode, type SpecBounds, type UrlField } from "./spec";

export interface Validated {
  spec: ChartSpec;
  /** Fields whose candidate value was invalid and so fell back (names only: values may be hostile). */
  rejected: UrlField[];
}

const MAX_SERIES = 8;
const MAX_CATEGORIES = 30;

/** Category codes of `dimension` present in the data for any of `series` (undefined when the data is unknown). */
export function categoriesOf(bounds: SpecBounds, series: readonly string[], dimension: string): string[] | undefined {
  if (!bounds.available) return undefined;
  return [...new Set(series.flatMap((s) => bounds.available?.[s]?.[dimension] ?? []))];
}

/**
 * The modes a view of `series` can draw, and why the others cannot: a rate is published only as a share (no count
 * to draw or index), and a count with no published share has no share to draw. Shared by the validator and the
 * controls, so a mode a reader cannot choose is never in a valid spec either.
 */
export function modesOf(bounds: SpecBounds, series: readonly string[]): { modes: Mode[]; why?: "rate" | "noShare" } {
  const all = (list?: readonly string[]) => !!list && series.length > 0 && series.every((s) => list.includes(s));
  if (all(bounds.shareOnly)) return { modes: ["share"], why: "rate" };
  if (all(bounds.noShares)) return { modes: MODES.filter((m) => m !== "share"), why: "noShare" };
  return { modes: [...MODES] };
}

const codes = (v: unknown, max: number): v is string[] =>
  Array.isArray(v) && v.length <= max && v.every((c) => typeof c === "string" && CODE_RE.test(c));

const isYear = (v: unknown, [lo, hi]: readonly [number, number]): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;

/**
 * Check `candidate`'s values of `fields` against `bounds`; each invalid one takes `fallback`'s value and is
 * reported. Fields not listed are taken from `candidate` unchecked (they come from the catalog, not a reader).
 */
export function validateSpec(
  candidate: ChartSpec,
  bounds: SpecBounds,
  fallback: ChartSpec,
  fields: readonly UrlField[] = bounds.fields,
): Validated {
  const spec: ChartSpec = { ...candidate, series: [...candidate.series], categories: [...candidate.categories] };
  const rejected: UrlField[] = [];
  const has = (f: UrlField) => fields.includes(f);
  const reject = (f: UrlField) => {
    rejected.push(f);
    const v = fallback[f];
    (spec as unknown as Record<string, unknown>)[f] = Array.isArray(v) ? [...v] : v;
  };

  if (has("series")) {
    const v = spec.series;
    if (!(codes(v, MAX_SERIES) && v.length > 0 && v.every((s) => bounds.series.includes(s)))) reject("series");
    else spec.series = [...new Set(v)];
  }
  if (has("dimension") && !(CODE_RE.test(spec.dimension) && bounds.dimensions.includes(spec.dimension)))
    reject("dimension");
  if (has("categories")) {
    const allowed = categoriesOf(bounds, spec.series, spec.dimension);
    const v = spec.categories;
    if (!(codes(v, MAX_CATEGORIES) && (!allowed || v.every((c) => allowed.includes(c))))) reject("categories");
    else spec.categories = [...new Set(v)];
  }
  if (has("mode") && !MODES.includes(spec.mode)) reject("mode");
  // Not a rejection: a rate's only view is its published share, and a count with no published share is drawn
  // as the count.
  const { modes } = modesOf(bounds, spec.series);
  if (!modes.includes(spec.mode)) spec.mode = modes.includes("absolute") ? "absolute" : modes[0]!;
  for (const f of ["from", "to", "a", "b"] as const) if (has(f) && !isYear(spec[f], bounds.years)) reject(f);
  if (spec.from > spec.to) {
    rejected.push("from", "to");
    spec.from = fallback.from;
    spec.to = fallback.to;
  }
  return { spec, rejected: [...new Set(rejected)] };
}
