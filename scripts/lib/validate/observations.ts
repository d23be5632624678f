/**
 * observations.csv and the ingested official files: one row at a time (codes, numbers, source and grade,
 * period), then the parts of each breakdown against its published total.
 */
import {
  BOOLEANS,
  FLAG_OVERLAPPING,
  FLAG_PARTS_NOT_EXHAUSTIVE,
  GRADES,
  PERIOD_TYPES,
  QUALIFIERS,
  type DataError,
  type Observation,
  type Row,
} from "../types.ts";
import { checkPeriod, normalSpanDays, spanDays } from "../period.ts";
import { checkCount, checkShare, oneOf, sourceExists, uniqueKeys, type Lookups, type TableInput } from "./common.ts";

export interface Located {
  observations: Observation[];
  where: Map<Observation, { file: string; row: number }>;
}

const KEY = ["series_id", "period", "dimension", "category", "subdimension", "subcategory"];

export function validateObservations(tables: readonly TableInput[], lk: Lookups, errs: DataError[]): Located {
  const seen = new Map<string, string>();
  const out: Located = { observations: [], where: new Map() };
  for (const t of tables) {
    uniqueKeys(t, KEY, errs, seen);
    for (const r of t.rows) {
      const o = observationRow(t, r.row, r.data, lk, errs);
      if (o) {
        out.observations.push(o);
        out.where.set(o, { file: t.file, row: r.row });
      }
    }
  }
  checkPartsAgainstTotals(out, errs);
  return out;
}

/** One row → a typed observation, or null after reporting every problem with it. */
function observationRow(t: TableInput, row: number, d: Row, lk: Lookups, errs: DataError[]): Observation | null {
  const before = errs.length;
  const err = (column: string, message: string): void => {
    errs.push({ file: t.file, row, column, message });
  };
  const series = lk.seriesInfo.get(d.series_id ?? "");
  if (d.series_id && !series) err("series_id", `series "${d.series_id}" is not in series.csv`);
  if (series && series.unit.trim() === "") err("series_id", `series "${d.series_id}" has no unit in series.csv`);
  for (const b of ["partial", "derived", "break_before"]) oneOf(t, row, b, d[b] ?? "", BOOLEANS, errs);
  oneOf(t, row, "qualifier", d.qualifier ?? "", QUALIFIERS, errs);
  const gradeOk = oneOf(t, row, "grade", d.grade ?? "", GRADES, errs);
  oneOf(t, row, "period_type", d.period_type ?? "", PERIOD_TYPES, errs);

  let value: number | null = null;
  if ((d.value ?? "") !== "") {
    const c = checkCount(d.value ?? "");
    if ("error" in c) err("value", c.error);
    else value = c.value;
  }
  let share: number | null = null;
  if ((d.share ?? "") !== "") {
    const s = checkShare(d.share ?? "");
    if ("error" in s) err("share", s.error);
    else share = s.value;
  }
  if (value === null && share === null && (d.qualifier ?? "") !== "")
    err("qualifier", "a qualifier is set but there is no value or share");

  // dimension / category codes
  const dim = d.dimension ?? "";
  const cat = d.category ?? "";
  if (dim && cat && !lk.catKeys.has(`${dim}/${cat}`))
    err("category", `"${dim}/${cat}" is not defined in categories.csv`);
  const sd = d.subdimension ?? "";
  const sc = d.subcategory ?? "";
  if ((sd === "") !== (sc === ""))
    err(sd === "" ? "subdimension" : "subcategory", "subdimension and subcategory must be both set or both empty");
  else if (sd !== "" && !lk.catKeys.has(`${sd}/${sc}`))
    err("subcategory", `"${sd}/${sc}" is not defined in categories.csv`);

  // source and grade
  const derived = d.derived === "true";
  if (d.source_id && sourceExists(lk, t, row, d.source_id, errs) && gradeOk) {
    if (derived && d.grade !== "C") err("grade", `a derived row must have grade C, not ${d.grade}`);
    if (!derived && d.grade === "C") err("derived", "grade C (our own arithmetic) is only allowed with derived=true");
    if (!derived && d.grade !== "C" && lk.sourceGrade.get(d.source_id) !== d.grade)
      err(
        "grade",
        `grade ${d.grade} differs from the grade of source "${d.source_id}" (${lk.sourceGrade.get(d.source_id)})`,
      );
  }
  if (derived && !/derived|=|\+/i.test(d.note_en ?? ""))
    err("note_en", "a derived row must give its formula in note_en");

  // period
  for (const p of checkPeriod(d.period ?? "", d.period_start ?? "", d.period_end ?? "", d.period_type ?? ""))
    err(p.column, p.message);
  const partial = d.partial === "true";
  if ((d.period_type === "partial_year" || d.period_type === "half_year") && !partial)
    err("partial", `a ${d.period_type} period ("${d.period}") must have partial=true`);
  if (series && errs.length === before) {
    const normal = normalSpanDays(series.periodType);
    const span = spanDays(d.period_start ?? "", d.period_end ?? "");
    if (normal !== null && span < normal && !partial && d.period_type !== "cumulative")
      err(
        "partial",
        `period "${d.period}" (${span} days) is shorter than the series' normal ${series.periodType} but partial=false`,
      );
    if (normal !== null && span >= normal && partial && d.period_type === series.periodType)
      err("partial", `period "${d.period}" is a full ${series.periodType} but partial=true`);
  }
  if (errs.length !== before) return null;
  return {
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
}

/** Exact parts never add up to more than their published total; complete sex parts add up to it exactly. */
function checkPartsAgainstTotals({ observations, where }: Located, errs: DataError[]): void {
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
      const at = where.get(total) ?? { file: "?", row: 0 };
      const label = `${total.series_id} ${total.period}${total.subdimension ? ` (${total.subdimension}=${total.subcategory})` : ""}`;
      if (sum > total.value && !flags.includes(FLAG_OVERLAPPING))
        errs.push({
          ...at,
          column: "value",
          message: `${label}: the ${dim} parts add up to ${sum}, more than the published total ${total.value}`,
        });
      const complete = exact.length === parts.length && parts.length > 0;
      if (
        dim === "sex" &&
        complete &&
        sum !== total.value &&
        !flags.includes(FLAG_PARTS_NOT_EXHAUSTIVE) &&
        !flags.includes(FLAG_OVERLAPPING)
      )
        errs.push({
          ...at,
          column: "value",
          message: `${label}: sex parts add up to ${sum}, not the published total ${total.value} (flag ${FLAG_PARTS_NOT_EXHAUSTIVE} in note_en if the categories are not exhaustive)`,
        });
    }
  }
}
