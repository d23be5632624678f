/**
 * Pure helpers for "bring your own CSV": byte checks, header checks, type inference, table names, and the
 * UTF-8 CSV written for DuckDB and for result downloads. No DOM, no I/O: unit-tested in Node.
 */
import Papa from "papaparse";
import { decodeBytes } from "../../scripts/lib/decode.ts";

/** Column types a reader can choose for an uploaded column. */
export const COLUMN_TYPES = ["VARCHAR", "BIGINT", "DOUBLE", "DATE", "BOOLEAN"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A problem with the file, with the 1-based row (header = row 1) when there is one. */
export interface CsvProblem {
  code: "empty" | "binary" | "encoding" | "utf16" | "ragged" | "duplicate-header" | "empty-header" | "parse";
  row?: number;
  detail?: string;
}

export class CsvError extends Error {
  constructor(readonly problem: CsvProblem) {
    super(`${problem.code}${problem.row ? ` (row ${problem.row})` : ""}${problem.detail ? `: ${problem.detail}` : ""}`);
  }
}

/** Decode bytes as UTF-8 (± BOM) or CP949, or report why not (reuses the data pipeline's decoder). */
export function decodeUpload(bytes: Uint8Array): { text: string; encoding: "utf-8" | "cp949" } {
  if (bytes.length === 0) throw new CsvError({ code: "empty" });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new CsvError({ code: "utf16", detail: "UTF-16" });
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let row = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) row++;
    throw new CsvError({ code: "binary", row, detail: `NUL byte at offset ${nul}` });
  }
  const r = decodeBytes(bytes, "upload");
  if ("error" in r) throw new CsvError({ code: "encoding", row: r.error.row || undefined, detail: r.error.message });
  const text = r.text.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new CsvError({ code: "empty" });
  return { text, encoding: r.encoding };
}

/** Header names: trimmed; empty or repeated names are errors (DuckDB would rename them silently). */
export function checkHeader(fields: string[]): string[] {
  const names = fields.map((f) => f.trim());
  const empty = names.findIndex((n) => !n);
  if (empty >= 0) throw new CsvError({ code: "empty-header", row: 1, detail: `column ${empty + 1}` });
  const seen = new Map<string, number>();
  for (const [i, n] of names.entries()) {
    const k = n.toLowerCase();
    if (seen.has(k))
      throw new CsvError({
        code: "duplicate-header",
        row: 1,
        detail: `"${n}" (columns ${seen.get(k)! + 1} and ${i + 1})`,
      });
    seen.set(k, i);
  }
  return names;
}

const INT = /^[-+]?\d{1,18}$/;
const NUM = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const BOOL = /^(true|false)$/i;

/** The narrowest type every non-empty sample value fits (VARCHAR if none fits or all are empty). */
export function inferType(values: readonly string[]): ColumnType {
  const v = values.map((x) => x.trim()).filter((x) => x !== "");
  if (!v.length) return "VARCHAR";
  if (v.every((x) => INT.test(x))) return "BIGINT";
  if (v.every((x) => NUM.test(x))) return "DOUBLE";
  if (v.every((x) => DATE.test(x))) return "DATE";
  if (v.every((x) => BOOL.test(x))) return "BOOLEAN";
  return "VARCHAR";
}

/** A table name from a file name: [a-z0-9_], not starting with a digit, not a published table, not taken. */
export function tableNameFor(fileName: string, taken: readonly string[] = []): string {
  let base = fileName
    .replace(/\.[^.]*$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 48);
  if (!base) base = "upload";
  if (/^\d/.test(base)) base = `t_${base}`;
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base}_${i}`;
  return name;
}

/** One CSV field, quoted only when needed (RFC 4180). */
export function csvField(v: unknown): string {
  if (v == null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Query results as CSV with a UTF-8 BOM (so spreadsheet apps read Korean text correctly). */
export function resultsToCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export interface Preview {
  header: string[];
  delimiter: string;
  rows: string[][];
  types: ColumnType[];
}

/** Parse the start of the text: header, sniffed delimiter, first `n` rows, types inferred from up to 1,000 rows. */
export function previewCsv(text: string, n = 20): Preview {
  const sample = Papa.parse<string[]>(text, { preview: 1001, skipEmptyLines: true });
  const first = sample.data[0];
  if (!first) throw new CsvError({ code: "empty" });
  const header = checkHeader(first);
  const body = sample.data.slice(1);
  const types = header.map((_, i) => inferType(body.map((r) => r[i] ?? "")));
  return { header, delimiter: sample.meta.delimiter, rows: body.slice(0, n), types };
}

/**
 * Parse the whole text in chunks (yielding between chunks so the page stays responsive and the progress
 * bar moves), check every row has as many fields as the header, and write comma-separated UTF-8 CSV.
 */
export function normaliseCsv(
  text: string,
  delimiter: string,
  onProgress: (fraction: number) => void = () => {},
  chunkSize = 1 << 20,
): Promise<{ csv: string; rows: number; header: string[] }> {
  return new Promise((resolve, reject) => {
    const out: string[] = [];
    let header: string[] | null = null;
    let row = 0;
    let failed = false;
    const fail = (e: unknown, parser: Papa.Parser) => {
      failed = true;
      parser.abort();
      reject(e);
    };
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: true,
      chunkSize,
      chunk(res: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        try {
          for (const fields of res.data) {
            row++;
            if (!header) {
              header = checkHeader(fields);
              out.push(header.map(csvField).join(","));
              continue;
            }
            if (fields.length !== header.length)
              throw new CsvError({
                code: "ragged",
                row,
                detail: `${fields.length} fields; the header has ${header.length}`,
              });
            out.push(fields.map(csvField).join(","));
          }
          const err = res.errors.find((e: Papa.ParseError) => e.type === "Quotes");
          if (err) throw new CsvError({ code: "parse", row: row, detail: err.message });
        } catch (e) {
          fail(e, parser);
          return;
        }
        onProgress(Math.min(1, res.meta.cursor / text.length));
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete() {
        if (failed) return;
        if (!header) reject(new CsvError({ code: "empty" }));
        else resolve({ csv: `${out.join("\n")}\n`, rows: row - 1, header });
      },
    });
  });
}
