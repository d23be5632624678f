/**
 * Validation of the whole data package. Pure: takes parsed tables, returns located errors, warnings and
 * typed rows. Every failure names file, row, column and says what is wrong in plain words.
 */
import {
  BOOLEANS,
  EVENT_KINDS,
  FLAG_OVERLAPPING,
  FLAG_PARTS_NOT_EXHAUSTIVE,
  GRADES,
  PERIOD_TYPES,
  QUALIFIERS,
  REQUIRED_VALUES,
  SECONDARY_GRADES,
  SEXTORTION_VALUES,
  TABLE_COLUMNS,
  TOPICS,
  type DataError,
  type Observation,
  type Row,
  type TableName,
} from "./types.ts";
import { checkPeriod, isLooseDate, normalSpanDays, spanDays } from "./period.ts";

export interface TableInput {
  file: string;
  header: string[];
  rows: { row: number; data: Row }[];
}

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

const NUMBER = /^-?\d+(\.\d+)?$/;

export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (!NUMBER.test(t)) return null;
  return Number(t);
}

/** Check the header of a table: every contract column present, nothing unknown. */
export function checkHeader(name: TableName, t: TableInput): DataError[] {
  const want = TABLE_COLUMNS[name];
  const errs: DataError[] = [];
  for (const c of want)
    if (!t.header.includes(c))
      errs.push({ file: t.file, row: 1, column: c, message: `required column "${c}" is missing` });
  for (const c of t.header)
    if (!want.includes(c))
      errs.push({ file: t.file, row: 1, column: c, message: `unknown column "${c}" (expected: ${want.join(", ")})` });
  return errs;
}

function requireValues(name: TableName, t: TableInput, errs: DataError[]): void {
  for (const r of t.rows) {
    for (const c of REQUIRED_VALUES[name]) {
      if ((r.data[c] ?? "").trim() === "")
        errs.push({ file: t.file, row: r.row, column: c, message: `"${c}" is empty but required` });
    }
  }
}

function oneOf(
  t: TableInput,
  row: number,
  column: string,
  value: string,
  allowed: readonly string[],
  errs: DataError[],
): boolean {
  if (allowed.includes(value)) return true;
  errs.push({
    file: t.file,
    row,
    column,
    message: `"${value}" is not one of ${allowed.map((a) => (a === "" ? "(empty)" : a)).join(", ")}`,
  });
  return false;
}

function uniqueKeys(t: TableInput, cols: string[], errs: DataError[], seen = new Map<string, string>()): void {
  for (const r of t.rows) {
    const key = cols.map((c) => r.data[c] ?? "").join("|");
    const prev = seen.get(key);
    if (prev)
      errs.push({
        file: t.file,
        row: r.row,
        column: cols[0] ?? "",
        message: `repeated key (${cols.join(", ")}) = (${cols.map((c) => r.data[c] ?? "").join(", ")}); first seen at ${prev}`,
      });
    else seen.set(key, `${t.file}:${r.row}`);
  }
}

export function validatePackage(input: PackageInput): ValidationResult {
  const errors: DataError[] = [];
  const warnings: string[] = [];
  const tables: [TableName, TableInput][] = [
    ["sources", input.sources],
    ["series", input.series],
    ["alternatives", input.alternatives],
    ["events", input.events],
    ["categories", input.categories],
    ...input.observations.map((t): [TableName, TableInput] => ["observations", t]),
  ];
  let headerBroken = false;
  for (const [name, t] of tables) {
    const h = checkHeader(name, t);
    if (h.length > 0) headerBroken = true;
    errors.push(...h);
  }
  if (headerBroken) return { errors, warnings, observations: [] };
  for (const [name, t] of tables) requireValues(name, t, errors);

  // ---- sources
  const sourceGrade = new Map<string, string>();
  uniqueKeys(input.sources, ["source_id"], errors);
  for (const r of input.sources.rows) {
    const d = r.data;
    oneOf(input.sources, r.row, "grade", d.grade ?? "", GRADES, errors);
    if (d.url && !/^https?:\/\//.test(d.url))
      errors.push({ file: input.sources.file, row: r.row, column: "url", message: `"${d.url}" is not an http(s) URL` });
    if (d.published && !isLooseDate(d.published))
      errors.push({
        file: input.sources.file,
        row: r.row,
        column: "published",
        message: `"${d.published}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
      });
    if (d.source_id) sourceGrade.set(d.source_id, d.grade ?? "");
  }
  const sourceExists = (t: TableInput, row: number, id: string): boolean => {
    if (sourceGrade.has(id)) return true;
    errors.push({
      file: t.file,
      row,
      column: "source_id",
      message: `source id "${id}" does not resolve to a row in sources.csv`,
    });
    return false;
  };

  // ---- categories
  const catKeys = new Set<string>();
  uniqueKeys(input.categories, ["dimension", "category"], errors);
  for (const r of input.categories.rows) {
    catKeys.add(`${r.data.dimension}/${r.data.category}`);
    const s = r.data.sort ?? "";
    if (s !== "" && !/^\d+$/.test(s))
      errors.push({ file: input.categories.file, row: r.row, column: "sort", message: `"${s}" is not a whole number` });
  }

  // ---- series
  const seriesInfo = new Map<string, { periodType: string; unit: string }>();
  uniqueKeys(input.series, ["series_id"], errors);
  for (const r of input.series.rows) {
    const d = r.data;
    const t = input.series;
    oneOf(t, r.row, "topic", d.topic ?? "", TOPICS, errors);
    oneOf(t, r.row, "period_type", d.period_type ?? "", PERIOD_TYPES, errors);
    oneOf(t, r.row, "includes_sextortion", d.includes_sextortion ?? "", SEXTORTION_VALUES, errors);
    if (d.series_id && !/^[a-z0-9_]+$/.test(d.series_id))
      errors.push({
        file: t.file,
        row: r.row,
        column: "series_id",
        message: `"${d.series_id}" must use lower-case letters, digits and _ only`,
      });
    if (d.series_id) seriesInfo.set(d.series_id, { periodType: d.period_type ?? "", unit: d.unit ?? "" });
  }

  // ---- observations
  const obsSeen = new Map<string, string>();
  const observations: Observation[] = [];
  const located = new Map<Observation, { file: string; row: number }>();
  for (const t of input.observations) {
    uniqueKeys(t, ["series_id", "period", "dimension", "category", "subdimension", "subcategory"], errors, obsSeen);
    for (const r of t.rows) {
      const d = r.data;
      const before = errors.length;
      const err = (column: string, message: string): void => {
        errors.push({ file: t.file, row: r.row, column, message });
      };
      const series = seriesInfo.get(d.series_id ?? "");
      if (d.series_id && !series) err("series_id", `series "${d.series_id}" is not in series.csv`);
      if (series && series.unit.trim() === "") err("series_id", `series "${d.series_id}" has no unit in series.csv`);
      for (const b of ["partial", "derived", "break_before"]) oneOf(t, r.row, b, d[b] ?? "", BOOLEANS, errors);
      oneOf(t, r.row, "qualifier", d.qualifier ?? "", QUALIFIERS, errors);
      const gradeOk = oneOf(t, r.row, "grade", d.grade ?? "", GRADES, errors);
      oneOf(t, r.row, "period_type", d.period_type ?? "", PERIOD_TYPES, errors);

      let value: number | null = null;
      if ((d.value ?? "") !== "") {
        const n = parseNumber(d.value ?? "");
        if (n === null) err("value", `"${d.value}" is not a number`);
        else if (!Number.isInteger(n) || n < 0) err("value", `"${d.value}" is not a whole, non-negative count`);
        else value = n;
      }
      let share: number | null = null;
      if ((d.share ?? "") !== "") {
        const n = parseNumber(d.share ?? "");
        if (n === null) err("share", `"${d.share}" is not a number`);
        else if (n < 0 || n > 100) err("share", `share ${d.share} is outside 0–100`);
        else share = n;
      }
      if (value === null && share === null && (d.qualifier ?? "") !== "")
        err("qualifier", "a qualifier is set but there is no value or share");

      // dimension / category codes
      const dim = d.dimension ?? "";
      const cat = d.category ?? "";
      if (dim && cat && !catKeys.has(`${dim}/${cat}`))
        err("category", `"${dim}/${cat}" is not defined in categories.csv`);
      const sd = d.subdimension ?? "";
      const sc = d.subcategory ?? "";
      if ((sd === "") !== (sc === ""))
        err(sd === "" ? "subdimension" : "subcategory", "subdimension and subcategory must be both set or both empty");
      else if (sd !== "" && !catKeys.has(`${sd}/${sc}`))
        err("subcategory", `"${sd}/${sc}" is not defined in categories.csv`);

      // source and grade
      const derived = d.derived === "true";
      if (d.source_id && sourceExists(t, r.row, d.source_id) && gradeOk) {
        if (derived && d.grade !== "C") err("grade", `a derived row must have grade C, not ${d.grade}`);
        if (!derived && d.grade === "C")
          err("derived", "grade C (our own arithmetic) is only allowed with derived=true");
        if (!derived && d.grade !== "C" && sourceGrade.get(d.source_id) !== d.grade) {
          err(
            "grade",
            `grade ${d.grade} differs from the grade of source "${d.source_id}" (${sourceGrade.get(d.source_id)})`,
          );
        }
      }
      if (derived && !/derived|=|\+/i.test(d.note_en ?? ""))
        err("note_en", "a derived row must give its formula in note_en");

      // period
      for (const p of checkPeriod(d.period ?? "", d.period_start ?? "", d.period_end ?? "", d.period_type ?? ""))
        err(p.column, p.message);
      const partial = d.partial === "true";
      if ((d.period_type === "partial_year" || d.period_type === "half_year") && !partial) {
        err("partial", `a ${d.period_type} period ("${d.period}") must have partial=true`);
      }
      if (series && errors.length === before) {
        const normal = normalSpanDays(series.periodType);
        const span = spanDays(d.period_start ?? "", d.period_end ?? "");
        if (normal !== null && span < normal && !partial && d.period_type !== "cumulative") {
          err(
            "partial",
            `period "${d.period}" (${span} days) is shorter than the series' normal ${series.periodType} but partial=false`,
          );
        }
        if (normal !== null && span >= normal && partial && d.period_type === series.periodType) {
          err("partial", `period "${d.period}" is a full ${series.periodType} but partial=true`);
        }
      }
      if (errors.length === before) {
        const o: Observation = {
          series_id: d.series_id ?? "",
          period: d.period ?? "",
          period_start: d.period_start ?? "",
          period_end: d.period_end ?? "",
          period_type: d.period_type ?? "",
          partial,
          dimension: dim,
          category: cat,
          subdimension: sd,
          subcategory: sc,
          value,
          share,
          qualifier: d.qualifier ?? "",
          derived,
          break_before: d.break_before === "true",
          source_id: d.source_id ?? "",
          grade: d.grade ?? "",
          note_en: d.note_en ?? "",
          note_ko: d.note_ko ?? "",
        };
        observations.push(o);
        located.set(o, { file: t.file, row: r.row });
      }
    }
  }

  // ---- parts vs published total
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const k = [o.series_id, o.period, o.subdimension, o.subcategory].join("|");
    const g = groups.get(k);
    if (g) g.push(o);
    else groups.set(k, [o]);
  }
  for (const g of groups.values()) {
    const total = g.find((o) => o.dimension === "total" && o.category === "all");
    if (!total || total.value === null || total.qualifier !== "") continue;
    const dims = new Set(g.filter((o) => o.dimension !== "total").map((o) => o.dimension));
    for (const dim of dims) {
      const parts = g.filter((o) => o.dimension === dim);
      const flags = [total, ...parts].map((o) => o.note_en).join(" ");
      const exact = parts.filter((o) => o.value !== null && o.qualifier === "");
      const sum = exact.reduce((a, o) => a + (o.value ?? 0), 0);
      const where = located.get(total) ?? { file: "?", row: 0 };
      const label = `${total.series_id} ${total.period}${total.subdimension ? ` (${total.subdimension}=${total.subcategory})` : ""}`;
      if (sum > total.value && !flags.includes(FLAG_OVERLAPPING)) {
        errors.push({
          file: where.file,
          row: where.row,
          column: "value",
          message: `${label}: the ${dim} parts add up to ${sum}, more than the published total ${total.value}`,
        });
      }
      const complete = exact.length === parts.length && parts.length > 0;
      if (
        dim === "sex" &&
        complete &&
        sum !== total.value &&
        !flags.includes(FLAG_PARTS_NOT_EXHAUSTIVE) &&
        !flags.includes(FLAG_OVERLAPPING)
      ) {
        errors.push({
          file: where.file,
          row: where.row,
          column: "value",
          message: `${label}: sex parts add up to ${sum}, not the published total ${total.value} (flag ${FLAG_PARTS_NOT_EXHAUSTIVE} in note_en if the categories are not exhaustive)`,
        });
      }
    }
  }

  // ---- alternatives
  const obsIndex = new Set(observations.map((o) => `${o.series_id}|${o.period}|${o.category}`));
  for (const r of input.alternatives.rows) {
    const d = r.data;
    const t = input.alternatives;
    if (d.series_id && !seriesInfo.has(d.series_id))
      errors.push({
        file: t.file,
        row: r.row,
        column: "series_id",
        message: `series "${d.series_id}" is not in series.csv`,
      });
    else if (d.series_id && !obsIndex.has(`${d.series_id}|${d.period}|${d.category}`)) {
      errors.push({
        file: t.file,
        row: r.row,
        column: "period",
        message: `no observation ${d.series_id} / ${d.period} / ${d.category} for this alternative to belong to`,
      });
    }
    if (d.value && parseNumber(d.value) === null)
      errors.push({ file: t.file, row: r.row, column: "value", message: `"${d.value}" is not a number` });
    if (d.share) {
      const n = parseNumber(d.share);
      if (n === null)
        errors.push({ file: t.file, row: r.row, column: "share", message: `"${d.share}" is not a number` });
      else if (n < 0 || n > 100)
        errors.push({ file: t.file, row: r.row, column: "share", message: `share ${d.share} is outside 0–100` });
    }
    if (!d.value && !d.share)
      errors.push({ file: t.file, row: r.row, column: "value", message: "an alternative needs a value or a share" });
    if (
      oneOf(t, r.row, "grade", d.grade ?? "", GRADES, errors) &&
      d.source_id &&
      sourceExists(t, r.row, d.source_id) &&
      sourceGrade.get(d.source_id) !== d.grade
    ) {
      errors.push({
        file: t.file,
        row: r.row,
        column: "grade",
        message: `grade ${d.grade} differs from the grade of source "${d.source_id}" (${sourceGrade.get(d.source_id)})`,
      });
    }
    if (!d.note_en)
      errors.push({
        file: t.file,
        row: r.row,
        column: "note_en",
        message: "an alternative must say why it differs (note_en is empty)",
      });
  }

  // ---- events
  uniqueKeys(input.events, ["event_id"], errors);
  for (const r of input.events.rows) {
    const d = r.data;
    const t = input.events;
    oneOf(t, r.row, "kind", d.kind ?? "", EVENT_KINDS, errors);
    if (d.date && !isLooseDate(d.date))
      errors.push({
        file: t.file,
        row: r.row,
        column: "date",
        message: `"${d.date}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
      });
    if (d.end_date && !isLooseDate(d.end_date))
      errors.push({
        file: t.file,
        row: r.row,
        column: "end_date",
        message: `"${d.end_date}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
      });
    if (d.date && d.end_date && d.end_date < d.date)
      errors.push({
        file: t.file,
        row: r.row,
        column: "end_date",
        message: `end_date ${d.end_date} is before date ${d.date}`,
      });
    if (d.source_id) sourceExists(t, r.row, d.source_id);
    for (const s of (d.series_ids ?? "").split(" ").filter((x) => x !== "")) {
      if (!seriesInfo.has(s))
        errors.push({ file: t.file, row: r.row, column: "series_ids", message: `series "${s}" is not in series.csv` });
    }
  }

  // ---- warnings
  const secondary = observations.filter((o) => (SECONDARY_GRADES as readonly string[]).includes(o.grade));
  if (secondary.length > 0) {
    const bySeries = new Map<string, string[]>();
    for (const o of secondary)
      bySeries.set(o.series_id, [...(bySeries.get(o.series_id) ?? []), `${o.period}/${o.category}`]);
    for (const [s, list] of bySeries) warnings.push(`secondary source (grade D/L) used in ${s}: ${list.join(", ")}`);
  }
  const derivedRows = observations.filter((o) => o.derived);
  if (derivedRows.length > 0)
    warnings.push(
      `${derivedRows.length} derived (grade C) row(s): ${derivedRows.map((o) => `${o.series_id} ${o.period}/${o.category}`).join(", ")}`,
    );
  const usedSeries = new Set(observations.map((o) => o.series_id));
  for (const s of seriesInfo.keys()) if (!usedSeries.has(s)) warnings.push(`series ${s} has no observations`);
  const altSecondary = input.alternatives.rows.filter((r) =>
    (SECONDARY_GRADES as readonly string[]).includes(r.data.grade ?? ""),
  );
  if (altSecondary.length > 0)
    warnings.push(`${altSecondary.length} alternative(s) from secondary sources (grade D/L)`);

  return { errors, warnings, observations };
}
