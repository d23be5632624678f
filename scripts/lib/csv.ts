/** Strict CSV parsing with papaparse. Pure: no Node APIs. */
import Papa from "papaparse";
import type { DataError } from "./types.ts";
import { toCsv, type CsvCell } from "../../src/lib/csv.ts";

/** A published data file: the one CSV writer, without a BOM and with LF line ends (files for machines). */
export function dataCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return toCsv(columns, rows, { bom: false, newline: "\n" });
}

export interface ParsedCsv {
  header: string[];
  /** Data records, each with its 1-based line number in the file (header = line 1). */
  records: { row: number; cells: string[] }[];
}

export type ParseResult = { ok: true; csv: ParsedCsv } | { ok: false; errors: DataError[] };

/**
 * Parse CSV text (LF or CRLF). Errors (unterminated quotes, ragged rows, empty header cells, duplicate
 * header names) are returned as located `{ file, row, column, message }` records. Blank lines are skipped.
 */
export function parseCsvStrict(text: string, file: string): ParseResult {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineStarts: number[] = [0];
  for (let i = 0; i < input.length; i++) if (input.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const mixed = mixedLineEnd(input);
  if (mixed)
    return {
      ok: false,
      errors: [
        {
          file,
          row: mixed.row,
          column: "",
          message: `mixed line endings: this row ends with ${mixed.found} but the file's first row ends with ${mixed.first}; save the file with one kind of line end`,
        },
      ],
    };
  const errors: DataError[] = [];
  const rows: { row: number; cells: string[] }[] = [];
  let cursor = 0;
  Papa.parse<string[]>(input, {
    header: false,
    delimiter: ",",
    newline: input.includes("\r\n") ? "\r\n" : "\n",
    skipEmptyLines: false,
    step: (res) => {
      const startLine = lineOf(skipNewline(input, cursor));
      cursor = res.meta.cursor;
      for (const e of res.errors) {
        errors.push({ file, row: startLine, column: "", message: `CSV syntax: ${e.message}` });
      }
      const cells = res.data;
      if (cells.length === 1 && cells[0] === "") return; // blank line
      rows.push({ row: startLine, cells });
    },
  });
  if (errors.length > 0) return { ok: false, errors };
  const first = rows.shift();
  if (!first)
    return { ok: false, errors: [{ file, row: 1, column: "", message: "the file is empty (no header row)" }] };
  const header = first.cells.map((h) => h.trim());
  header.forEach((h, i) => {
    if (h === "") errors.push({ file, row: first.row, column: `column ${i + 1}`, message: "header cell is empty" });
    else if (header.indexOf(h) !== i)
      errors.push({ file, row: first.row, column: h, message: `header "${h}" appears more than once` });
  });
  for (const r of rows) {
    if (r.cells.length !== header.length) {
      const col = r.cells.length < header.length ? (header[r.cells.length] ?? "") : `column ${r.cells.length}`;
      errors.push({
        file,
        row: r.row,
        column: col,
        message: `row has ${r.cells.length} cells but the header has ${header.length}${r.cells.length < header.length ? " (truncated row?)" : ""}`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, csv: { header, records: rows } };
}

/**
 * The first record whose line end (outside quotes) differs from the first record's, with its 1-based line number.
 * Mixed CRLF/LF otherwise surfaces as a misleading "row has N cells" error far from the cause.
 */
export function mixedLineEnd(text: string): { row: number; first: string; found: string } | null {
  let first = "";
  let line = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) inQuotes = !inQuotes;
    else if (ch === 10) {
      if (!inQuotes) {
        const kind = text.charCodeAt(i - 1) === 13 ? "CRLF" : "LF";
        if (!first) first = kind;
        else if (kind !== first) return { row: line, first, found: kind };
      }
      line++;
    }
  }
  return null;
}

function skipNewline(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && (text[p] === "\n" || text[p] === "\r")) p++;
  return p;
}

/** Turn parsed records into objects keyed by header name. */
export function toObjects(csv: ParsedCsv): { row: number; data: Record<string, string> }[] {
  return csv.records.map((r) => {
    const data: Record<string, string> = {};
    csv.header.forEach((h, i) => {
      data[h] = r.cells[i] ?? "";
    });
    return { row: r.row, data };
  });
}
