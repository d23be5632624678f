/** Shared pieces of the per-table validators: table input, located errors, and the cell checks every table uses. */
import { isFormulaText } from "../../../src/lib/csv.ts";
import { REQUIRED_VALUES, TABLE_COLUMNS, type DataError, type Row, type TableName } from "../types.ts";

export interface TableInput {
  file: string;
  header: string[];
  rows: { row: number; data: Row }[];
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (!NUMBER.test(t)) return null;
  return Number(t);
}

/** The largest count a DOUBLE (DuckDB-WASM, JavaScript) holds exactly; BIGINT holds more, the browser does not. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/**
 * A whole, non-negative count that every layer stores exactly, or why not. Compared as digits (BigInt), so
 * "9007199254740993" is refused instead of being rounded to ...992 and a 23-digit value never reaches DuckDB's
 * INT64 cast.
 */
export function checkCount(s: string): { value: number } | { error: string } {
  const n = parseNumber(s);
  if (n === null) return { error: `"${s}" is not a number` };
  if (!/^\d+$/.test(s.trim())) return { error: `"${s}" is not a whole, non-negative count` };
  if (BigInt(s.trim()) > BigInt(MAX_COUNT))
    return { error: `"${s}" is larger than ${MAX_COUNT}, the largest count that can be stored exactly` };
  return { value: n };
}

/** A share in 0–100 with at most 15 significant digits (more cannot be stored exactly as a DOUBLE). */
export function checkShare(s: string): { value: number } | { error: string } {
  const n = parseNumber(s);
  if (n === null) return { error: `"${s}" is not a number` };
  const digits = s.trim().replace(/^-/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  if (digits.length > 15) return { error: `"${s}" has more than 15 significant digits and cannot be stored exactly` };
  if (n < 0 || n > 100) return { error: `share ${s} is outside 0–100` };
  return { value: n };
}

/** Characters that are invisible or change how text around them is shown; never in published text. */
const HIDDEN: [RegExp, string][] = [
  [/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u, "a control character"],
  [/[\u202a-\u202e\u2066-\u2069]/u, "a bidirectional override/isolate character (it can make text display reversed)"],
  [/[\u200b-\u200d\u2060\ufeff]/u, "a zero-width character"],
];

const hex = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * The text rule for every cell of every table, curated or ingested:
 *  - no C0/C1 control characters other than TAB, LF and CR; no bidi overrides or isolates (U+202A–202E,
 *    U+2066–2069); no zero-width characters (U+200B–200D, U+2060, U+FEFF anywhere in a cell);
 *  - no cell starts with `=`, `+`, `-`, `@`, TAB or CR (a spreadsheet would run it as a formula: OWASP CSV
 *    injection), unless the whole cell is a plain decimal number such as `-5` — the same rule as the CSV writer,
 *    src/lib/csv.ts `isFormulaText`. A note that begins with a signed change is written "Change as published:
 *    +35.0% …", not "+35.0% …".
 */
export function checkText(t: TableInput, errs: DataError[]): void {
  for (const r of t.rows) {
    for (const [column, v] of Object.entries(r.data)) {
      for (const [re, what] of HIDDEN) {
        const m = re.exec(v);
        if (m)
          errs.push({
            file: t.file,
            row: r.row,
            column,
            message: `contains ${what}, ${hex(m[0])}, at character ${[...v.slice(0, m.index)].length + 1}`,
          });
      }
      if (isFormulaText(v))
        errs.push({
          file: t.file,
          row: r.row,
          column,
          message: `starts with "${JSON.stringify(v[0]).slice(1, -1)}", which spreadsheets run as a formula; reword it (only plain numbers such as -5 may start with a sign)`,
        });
    }
  }
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

export function requireValues(name: TableName, t: TableInput, errs: DataError[]): void {
  for (const r of t.rows) {
    for (const c of REQUIRED_VALUES[name]) {
      if ((r.data[c] ?? "").trim() === "")
        errs.push({ file: t.file, row: r.row, column: c, message: `"${c}" is empty but required` });
    }
  }
}

export function oneOf(
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

export function uniqueKeys(t: TableInput, cols: string[], errs: DataError[], seen = new Map<string, string>()): void {
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

/** What the per-table validators learn and later tables look up (filled in dependency order). */
export interface Lookups {
  sourceGrade: Map<string, string>;
  catKeys: Set<string>;
  seriesInfo: Map<string, { periodType: string; unit: string }>;
}

/** Does `id` name a source? Reports a located error if not. */
export function sourceExists(lk: Lookups, t: TableInput, row: number, id: string, errs: DataError[]): boolean {
  if (lk.sourceGrade.has(id)) return true;
  errs.push({
    file: t.file,
    row,
    column: "source_id",
    message: `source id "${id}" does not resolve to a row in sources.csv`,
  });
  return false;
}
