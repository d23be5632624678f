/**
 * Validation of the whole data package. Pure: takes parsed tables, returns located errors, warnings and
 * typed rows. Every failure names file, row, column and says what is wrong in plain words.
 *
 * One validator per table lives in ./validate/; this file runs them in dependency order (sources, categories and
 * series are looked up by the others) after the checks every table shares: header, required values, and the text
 * rule (no hidden characters, no formula-leading cells; see checkText).
 */
import { SECONDARY_GRADES, type DataError, type Observation, type TableName } from "./types.ts";
import { checkHeader, checkText, requireValues, type Lookups, type TableInput } from "./validate/common.ts";
import { validateSources } from "./validate/sources.ts";
import { validateCategories } from "./validate/categories.ts";
import { validateSeries } from "./validate/series.ts";
import { validateObservations } from "./validate/observations.ts";
import { validateAlternatives } from "./validate/alternatives.ts";
import { validateEvents } from "./validate/events.ts";

export { checkHeader, parseNumber, type TableInput } from "./validate/common.ts";

export interface PackageInput {
  sources: TableInput;
  series: TableInput;
  /** Curated observations plus one TableInput per ingested official file. */
  observations: TableInput[];
  alternatives: TableInput;
  events: TableInput;
  categories: TableInput;
}

export interface ValidationResult {
  errors: DataError[];
  warnings: string[];
  observations: Observation[];
}

export function validatePackage(input: PackageInput): ValidationResult {
  const errors: DataError[] = [];
  const tables: [TableName, TableInput][] = [
    ["sources", input.sources],
    ["series", input.series],
    ["alternatives", input.alternatives],
    ["events", input.events],
    ["categories", input.categories],
    ...input.observations.map((t): [TableName, TableInput] => ["observations", t]),
  ];
  for (const [name, t] of tables) errors.push(...checkHeader(name, t));
  if (errors.length > 0) return { errors, warnings: [], observations: [] };
  for (const [name, t] of tables) {
    requireValues(name, t, errors);
    checkText(t, errors);
  }

  const lk: Lookups = { sourceGrade: new Map(), catKeys: new Set(), seriesInfo: new Map() };
  validateSources(input.sources, lk, errors);
  validateCategories(input.categories, lk, errors);
  validateSeries(input.series, lk, errors);
  const { observations } = validateObservations(input.observations, lk, errors);
  validateAlternatives(input.alternatives, lk, observations, errors);
  validateEvents(input.events, lk, errors);
  return { errors, warnings: packageWarnings(input, lk, observations), observations };
}

/** What a maintainer should know but that does not stop the build. */
function packageWarnings(input: PackageInput, lk: Lookups, observations: readonly Observation[]): string[] {
  const warnings: string[] = [];
  const isSecondary = (g: string) => (SECONDARY_GRADES as readonly string[]).includes(g);
  const secondary = observations.filter((o) => isSecondary(o.grade));
  const bySeries = new Map<string, string[]>();
  for (const o of secondary)
    bySeries.set(o.series_id, [...(bySeries.get(o.series_id) ?? []), `${o.period}/${o.category}`]);
  for (const [s, list] of bySeries) warnings.push(`secondary source (grade D/L) used in ${s}: ${list.join(", ")}`);
  const derivedRows = observations.filter((o) => o.derived);
  if (derivedRows.length > 0)
    warnings.push(
      `${derivedRows.length} derived (grade C) row(s): ${derivedRows.map((o) => `${o.series_id} ${o.period}/${o.category}`).join(", ")}`,
    );
  const usedSeries = new Set(observations.map((o) => o.series_id));
  for (const s of lk.seriesInfo.keys()) if (!usedSeries.has(s)) warnings.push(`series ${s} has no observations`);
  const altSecondary = input.alternatives.rows.filter((r) => isSecondary(r.data.grade ?? ""));
  if (altSecondary.length > 0)
    warnings.push(`${altSecondary.length} alternative(s) from secondary sources (grade D/L)`);
  return warnings;
}
