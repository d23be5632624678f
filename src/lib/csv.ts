/**
 * The one CSV writer for every CSV the project produces: chart table downloads, full-series downloads, the explore
 * console's result download and the published data files (scripts/build-data.ts). Built on papaparse's unparse.
 *
 * Spreadsheet safety (OWASP "CSV Injection"): a text cell that starts with `=`, `+`, `-`, `@`, TAB or CR is read as
 * a formula by Excel, LibreOffice and Google Sheets, so it is written with a leading `'` (and quoted); the cell then
 * shows as the text it is. Numbers are never changed: JS numbers and bigints are written as numbers, and so is
 * text that is exactly a plain decimal number (`-5`, `-0.25`), which a spreadsheet reads as that constant and
 * nothing more. Header names are cells too and follow the same rule.
 */
import Papa from "papaparse";

export type CsvCell = string | number | bigint | boolean | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads Korean text as UTF-8 (default true: files for people). */
  bom?: boolean;
  /** Line end (default CRLF, RFC 4180). Data files for machines use "\n". */
  newline?: "\r\n" | "\n";
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number: a constant, never a formula, even with its minus sign. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** True when a text cell would be run as a formula by a spreadsheet. */
export function isFormulaText(s: string): boolean {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);
}

/** A cell as written: formula-leading text gets a leading `'`; non-finite numbers become empty cells. */
export function safeCell(v: CsvCell): CsvCell {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && isFormulaText(v)) return `'${v}`;
  return v;
}

/** Quote a field that was neutralised, so the `'` and a leading TAB/CR survive any CSV reader. */
const quoteNeutralised = (v: unknown): boolean => typeof v === "string" && /^'[=+\-@\t\r]/.test(v);

/** CSV text for a header and rows of cells. Always ends with a line end. */
export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  opts: CsvOptions = {},
): string {
  const { bom = true, newline = "\r\n" } = opts;
  // Arrays of arrays, not {fields, data}: with no rows the latter writes an empty record after the header.
  const body = Papa.unparse(
    [columns.map((c) => safeCell(c)), ...rows.map((r) => columns.map((_, i) => safeCell(r[i])))],
    { newline, quotes: quoteNeutralised, escapeFormulae: false },
  );
  return `${bom ? "\uFEFF" : ""}${body}${newline}`;
}

/** CSV text for rows given as objects; only own properties are read (a column named `__proto__` stays a column). */
export function recordsToCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  opts: CsvOptions = {},
): string {
  const cell = (r: Record<string, unknown>, c: string): CsvCell => {
    if (!Object.hasOwn(r, c)) return null;
    const v = r[c];
    if (v == null || typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return v;
    return typeof v === "string" ? v : String(v);
  };
  return toCsv(
    columns,
    rows.map((r) => columns.map((c) => cell(r, c))),
    opts,
  );
}

/** Parse CSV text written by toCsv or by the data build (BOM dropped; every cell a string). */
export function parseCsv(text: string): string[][] {
  const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ",", skipEmptyLines: true });
  if (res.errors.length) throw new Error(`CSV row ${(res.errors[0]!.row ?? 0) + 1}: ${res.errors[0]!.message}`);
  return res.data;
}
