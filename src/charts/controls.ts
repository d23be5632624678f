/** Reading and writing a figure's controls (plain DOM; no Plot, no DuckDB: part of the first-load script). */
import type { Available, ChartSpec, SpecBounds } from "../spec/spec";
import { modesOf, validateSpec } from "../spec/validate";
import type { Payload } from "./payload";

function form(fig: Element): HTMLFormElement | null {
  return fig.querySelector("form[data-controls]");
}

export function setEnabled(fig: Element, on: boolean): void {
  form(fig)
    ?.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")
    // A choice the view cannot take (see syncModes) stays disabled.
    .forEach((el) => (el.disabled = !on || el.dataset.unavailable === "true"));
}

/**
 * A mode the chosen series cannot draw is disabled, and its label says why (a rate has only its share; a count
 * with no published share has no share): never offered only to snap back, or to draw an empty chart.
 */
function syncModes(f: HTMLFormElement, p: Payload, spec: ChartSpec): void {
  const { modes, why } = modesOf(p.bounds, spec.series);
  const reason = why === "rate" ? p.strings.modeRate : p.strings.modeNoShare;
  // The form's other controls say whether it is enabled now (it is not before the page script, nor while busy).
  const formOff = f.querySelector<HTMLInputElement | HTMLSelectElement>('select, input:not([name="mode"])')?.disabled;
  for (const input of f.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
    const off = !modes.includes(input.value as ChartSpec["mode"]);
    input.dataset.unavailable = String(off);
    input.disabled = off || !!formOff;
    const label = input.closest("label");
    const text = label && [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (!label || !text) continue;
    label.dataset.label ??= (text.textContent ?? "").replace(/\s+/g, " ").trim();
    text.textContent = off ? reason.replace("{mode}", label.dataset.label) : label.dataset.label;
  }
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
  // A breakdown the chosen series lacks either names the series that has it (choosing it switches there) or
  // says that it is not published for this series; it is never silently greyed out.
  const dims = f.elements.namedItem("dimension");
  if (dims instanceof HTMLSelectElement) {
    const available = p.bounds.available ?? {};
    const have = dimensionsOf(available, spec.series);
    for (const o of Array.from(dims.options)) {
      o.dataset.label ??= (o.textContent ?? o.value).replace(/\s+/g, " ").trim();
      const lacks = have.length > 0 && !have.includes(o.value);
      const alt = lacks ? alternativeFor(available, spec.series, o.value) : null;
      o.disabled = lacks && !alt;
      o.textContent = !lacks
        ? o.dataset.label
        : alt
          ? p.strings.offer
              .replace("{dim}", o.dataset.label)
              .replace("{series}", p.ctx.series[alt]?.title[p.ctx.lang] ?? alt)
          : p.strings.notPublished.replace("{dim}", o.dataset.label);
    }
  }
  set("dimension", spec.dimension);
  set("mode", spec.mode);
  syncModes(f, p, spec);
  for (const k of ["from", "to", "a", "b"] as const) set(k, String(spec[k]));
  syncCategories(fig, p, spec);
}

/** Dimensions present in the data for all of `series` (empty when unknown). */
export function dimensionsOf(available: Available, series: readonly string[]): string[] {
  const sets = series.map((s) => Object.keys(available[s] ?? {}));
  return sets.length ? sets.reduce((a, b) => a.filter((d) => b.includes(d))) : [];
}

/**
 * The series to switch to for a breakdown the current one lacks: one that has it, the closest kin first (series
 * ids name their body, then what they count: from dsc_victims_by_sex, age goes to dsc_victims_by_age rather than
 * to the deepfake taskforce's two windows); null when no series has it.
 */
export function alternativeFor(available: Available, series: readonly string[], dimension: string): string | null {
  const kin = (s: string) => Math.max(0, ...series.map((c) => sharedParts(c, s)));
  const withDim = Object.keys(available).filter((s) => !series.includes(s) && available[s]?.[dimension]?.length);
  // Array.prototype.sort is stable: among equal kin, the catalog's order stands.
  return [...withDim].sort((a, b) => kin(b) - kin(a))[0] ?? null;
}

/** How many leading "_"-separated parts two series ids share. */
function sharedParts(a: string, b: string): number {
  const x = a.split("_");
  const y = b.split("_");
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** What a figure's form holds, as the browser submits it: one value per field, and the category boxes. */
export interface Choices {
  values: Partial<Record<"series" | "dimension" | "mode" | "from" | "to" | "a" | "b", string>>;
  /** The category boxes shown (absent when the form has none) and the checked ones. */
  categories?: { shown: number; checked: string[] };
}

/**
 * Read the controls into a spec (over `base`). Values come from our own options, and are re-validated with the
 * URL's validator against the same bounds (see specFromChoices).
 */
export function readControls(fig: Element, base: ChartSpec, bounds: SpecBounds): ChartSpec {
  const f = form(fig);
  if (!f) return base;
  const fd = new FormData(f);
  const choices: Choices = { values: {} };
  for (const k of ["series", "dimension", "mode", "from", "to", "a", "b"] as const) {
    const v = fd.get(k);
    if (typeof v === "string" && v) choices.values[k] = v;
  }
  if (f.querySelector("[data-categories]")) {
    const boxes = [...f.querySelectorAll<HTMLInputElement>('input[name="categories"]')];
    choices.categories = { shown: boxes.length, checked: boxes.filter((b) => b.checked).map((b) => b.value) };
  }
  return specFromChoices(choices, base, bounds);
}

/**
 * The spec a form's choices make over `base` (pure: the build uses it to prepare the views one change away).
 * When the series changes, or lacks the chosen breakdown, the series' first breakdown is used (its total when it
 * has none).
 */
export function specFromChoices(choices: Choices, base: ChartSpec, bounds: SpecBounds): ChartSpec {
  const available = bounds.available ?? {};
  const spec: ChartSpec = { ...base };
  const str = (k: keyof Choices["values"]) => choices.values[k] || null;
  const series = str("series");
  if (series) spec.series = [series];
  const dim = str("dimension");
  if (dim) spec.dimension = dim;
  // The reader chose a breakdown this series lacks: go to the series that has it (the option said so).
  const alt =
    dim &&
    dim !== base.dimension &&
    spec.series.join() === base.series.join() &&
    !dimensionsOf(available, spec.series).includes(dim)
      ? alternativeFor(available, spec.series, dim)
      : null;
  if (alt) spec.series = [alt];
  const have = dimensionsOf(available, spec.series);
  const breakdowns = have.filter((d) => d !== "total");
  const seriesChanged = spec.series.join() !== base.series.join();
  // A new series opens on its breakdown (a "by sex" series shows sex), else on its total.
  if (have.length && ((seriesChanged && !alt) || !have.includes(spec.dimension)))
    spec.dimension = breakdowns[0] ?? (have.includes("total") ? "total" : have[0]!);
  const mode = str("mode");
  if (mode) spec.mode = mode as ChartSpec["mode"];
  for (const k of ["from", "to", "a", "b"] as const) {
    const v = str(k);
    if (v) spec[k] = Number(v);
  }
  const sameView = spec.dimension === base.dimension && spec.series.join() === base.series.join();
  if (!sameView) spec.categories = [];
  else if (choices.categories) {
    const { shown, checked } = choices.categories;
    spec.categories = checked.length === shown ? [] : checked;
  }
  return validateSpec(spec, bounds, base).spec;
}
