/** Reading and writing a figure's controls (plain DOM; no Plot, no DuckDB: part of the first-load script). */
import type { Available, ChartSpec, SpecBounds } from "../spec/spec";
import { validateSpec } from "../spec/validate";
import type { Payload } from "./payload";

function form(fig: Element): HTMLFormElement | null {
  return fig.querySelector("form[data-controls]");
}

export function setEnabled(fig: Element, on: boolean): void {
  form(fig)
    ?.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")
    .forEach((el) => (el.disabled = !on));
}

function categoryLabel(p: Payload, dim: string, cat: string): string {
  return p.ctx.categories[`${dim}:${cat}`]?.[p.ctx.lang] ?? cat;
}

/** Rebuild category checkboxes for the spec's series and dimension (labels as text, never HTML). */
function syncCategories(fig: Element, p: Payload, spec: ChartSpec): void {
  const box = form(fig)?.querySelector<HTMLFieldSetElement>("[data-categories]");
  if (!box) return;
  const cats = [...new Set(spec.series.flatMap((s) => (p.bounds.available ?? {})[s]?.[spec.dimension] ?? []))];
  box.querySelectorAll("label").forEach((l) => l.remove());
  for (const c of spec.dimension === "total" ? [] : cats) {
    const label = document.createElement("label");
    label.className = "inline-flex items-center gap-1";
    const input = document.createElement("input");
    input.type = "checkbox";
    input.name = "categories";
    input.value = c;
    input.checked = spec.categories.length === 0 || spec.categories.includes(c);
    label.append(input, document.createTextNode(categoryLabel(p, spec.dimension, c)));
    box.append(label);
  }
  box.hidden = spec.dimension === "total" || cats.length === 0;
}

/** Put a spec into the controls. */
export function writeControls(fig: Element, p: Payload, spec: ChartSpec): void {
  const f = form(fig);
  if (!f) return;
  const set = (name: string, v: string) => {
    const el = f.elements.namedItem(name);
    if (el instanceof HTMLSelectElement) el.value = v;
    else if (el instanceof RadioNodeList) el.value = v;
  };
  set("series", spec.series[0] ?? "");
  // Offer only the breakdowns the chosen series actually has.
  const dims = f.elements.namedItem("dimension");
  if (dims instanceof HTMLSelectElement) {
    const have = dimensionsOf(p.bounds.available ?? {}, spec.series);
    for (const o of Array.from(dims.options)) o.disabled = have.length > 0 && !have.includes(o.value);
  }
  set("dimension", spec.dimension);
  set("mode", spec.mode);
  for (const k of ["from", "to", "a", "b"] as const) set(k, String(spec[k]));
  syncCategories(fig, p, spec);
}

/** Dimensions present in the data for all of `series` (empty when unknown). */
export function dimensionsOf(available: Available, series: readonly string[]): string[] {
  const sets = series.map((s) => Object.keys(available[s] ?? {}));
  return sets.length ? sets.reduce((a, b) => a.filter((d) => b.includes(d))) : [];
}

/**
 * Read the controls into a spec (over `base`). Values come from our own options, and are re-validated with the
 * URL's validator against the same bounds. When the series changes, or lacks the chosen breakdown, the series'
 * first breakdown is used (its total when it has none).
 */
export function readControls(fig: Element, base: ChartSpec, bounds: SpecBounds): ChartSpec {
  const available = bounds.available ?? {};
  const f = form(fig);
  if (!f) return base;
  const fd = new FormData(f);
  const spec: ChartSpec = { ...base };
  const str = (k: string) => (typeof fd.get(k) === "string" ? (fd.get(k) as string) : null);
  const series = str("series");
  if (series) spec.series = [series];
  const dim = str("dimension");
  if (dim) spec.dimension = dim;
  const have = dimensionsOf(available, spec.series);
  const breakdowns = have.filter((d) => d !== "total");
  const seriesChanged = spec.series.join() !== base.series.join();
  // A new series opens on its breakdown (a "by sex" series shows sex), else on its total.
  if (have.length && (seriesChanged || !have.includes(spec.dimension)))
    spec.dimension = breakdowns[0] ?? (have.includes("total") ? "total" : have[0]!);
  const mode = str("mode");
  if (mode) spec.mode = mode as ChartSpec["mode"];
  for (const k of ["from", "to", "a", "b"] as const) {
    const v = str(k);
    if (v) spec[k] = Number(v);
  }
  const sameView = spec.dimension === base.dimension && spec.series.join() === base.series.join();
  if (!sameView) spec.categories = [];
  else if (f.querySelector("[data-categories]")) {
    const boxes = [...f.querySelectorAll<HTMLInputElement>('input[name="categories"]')];
    const checked = boxes.filter((b) => b.checked).map((b) => b.value);
    spec.categories = checked.length === boxes.length ? [] : checked;
  }
  return validateSpec(spec, bounds, base).spec;
}
