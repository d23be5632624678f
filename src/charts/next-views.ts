/**
 * The views one control change away from a chart's view: what a reader's first change can ask for. The build
 * prepares their rows (src/db/prepared.ts), so that first change is drawn without waiting for the engine.
 */
import { MODES, type ChartSpec, type SpecBounds } from "../spec/spec";
import { categoriesOf } from "../spec/validate";
import { specFromChoices, type Choices } from "./controls";

const FIELDS = ["series", "dimension", "mode", "from", "to", "a", "b"] as const;

/** The choices a figure's form shows for `spec` (as writeControls writes them). */
export function shownChoices(spec: ChartSpec, bounds: SpecBounds): Choices {
  const values: Choices["values"] = {};
  for (const k of FIELDS) {
    if (!bounds.fields.includes(k)) continue;
    values[k] = k === "series" ? (spec.series[0] ?? "") : String(spec[k]);
  }
  if (!bounds.fields.includes("categories")) return { values };
  const cats = spec.dimension === "total" ? [] : (categoriesOf(bounds, spec.series, spec.dimension) ?? []);
  return { values, categories: { shown: cats.length, checked: spec.categories.length ? spec.categories : cats } };
}

/** `spec` itself and every view one choice away from it (each once). */
export function nextViews(spec: ChartSpec, bounds: SpecBounds): ChartSpec[] {
  const base = shownChoices(spec, bounds);
  const years: string[] = [];
  for (let y = bounds.years[0]; y <= bounds.years[1]; y++) years.push(String(y));
  const options: Record<(typeof FIELDS)[number], readonly string[]> = {
    series: bounds.series,
    dimension: bounds.dimensions,
    mode: MODES,
    from: years,
    to: years,
    a: years,
    b: years,
  };
  const out = new Map<string, ChartSpec>([[JSON.stringify(spec), spec]]);
  const add = (c: Choices) => {
    const s = specFromChoices(c, spec, bounds);
    out.set(JSON.stringify(s), s);
  };
  for (const k of FIELDS)
    if (k in base.values) for (const v of options[k]) add({ ...base, values: { ...base.values, [k]: v } });
  // Toggling one box: the form submits the checked boxes in the order it shows them.
  const boxes = base.categories ? (categoriesOf(bounds, spec.series, spec.dimension) ?? []) : [];
  for (const c of spec.dimension === "total" ? [] : boxes) {
    const was = base.categories!.checked;
    const checked = boxes.filter((x) => (x === c ? !was.includes(x) : was.includes(x)));
    add({ ...base, categories: { shown: boxes.length, checked } });
  }
  return [...out.values()];
}
