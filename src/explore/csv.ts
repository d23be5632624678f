/**
 * Pure helpers for "bring your own CSV": byte checks (UTF-8, or CP949 turned into UTF-8 in chunks for DuckDB's
 * own reader), header checks, type inference that knows spreadsheet- and Korean-style values, table names,
 * the located error reports (papaparse). Result downloads use the project's one CSV writer (src/lib/csv.ts).
 * No DOM: unit-tested in Node.
 */
import Papa from "papaparse";
import { decodeBytes } from "../lib/decode";
import { LOAD_TYPES, type LoadType } from "../db/queries/explore";

/** Column types a reader can choose for an uploaded column. */
export const COLUMN_TYPES = LOAD_TYPES;
export type ColumnType = LoadType;

/** A problem with the file, with the 1-based row (header = row 1) when there is one. */
export interface CsvProblem {
  code:
    | "empty"
    | "binary"
    | "encoding"
    | "utf16"
    | "ragged"
    | "duplicate-header"
    | "empty-header"
    | "parse"
    | "long-line"
    | "too-big";
  row?: number;
  detail?: string;
}

export class CsvError extends Error {
  constructor(readonly problem: CsvProblem) {
    super(`${problem.code}${problem.row ? ` (row ${problem.row})` : ""}${problem.detail ? `: ${problem.detail}` : ""}`);
  }
}

/** Bytes that cannot be CSV text at all: empty, UTF-16, or binary (a NUL byte, located by row). */
function refuseNonText(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new CsvError({ code: "empty" });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new CsvError({ code: "utf16", detail: "UTF-16" });
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let row = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) row++;
    throw new CsvError({ code: "binary", row, detail: `NUL byte at offset ${nul}` });
  }
}

/** Decode bytes as UTF-8 (± BOM) or CP949, or report why not (reuses the data pipeline's decoder). */
export function decodeUpload(bytes: Uint8Array): { text: string; encoding: "utf-8" | "cp949" } {
  refuseNonText(bytes);
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
/** Spreadsheet-style numbers: thousands separators (1,234,567), an optional decimal part and a trailing %. */
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** Period labels as Korean tables write them: 2023년, 2023년 1~6월, 2023년 3월, 2023년 상반기, '23. */
const PERIOD = /^(\d{4}년(\s*\d{1,2}(\s*[~∼\-–]\s*\d{1,2})?월|\s*(상|하)반기|\s*\d분기)?|'\d{2})$/;

/** What the preview recognised in a column (shown to the reader per column). */
export type Recognised = "thousands" | "fullwidth" | "dash-missing" | "percent" | "period";

export interface ColumnGuess {
  type: ColumnType;
  /** Load through the cleaning expression (see LoadColumn.clean). */
  clean: boolean;
  recognised: Recognised[];
}

/** Full-width digits and signs (as some Korean spreadsheets export them) → ASCII. */
export function halfWidth(s: string): string {
  return s.replace(/[０-９，．－＋％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The narrowest type every non-missing sample value fits, reading values the way Korean offices and
 * spreadsheets write them: "5,153", "１２３", "-" or empty for missing, "12.5%". Period labels ("2023년",
 * "2023년 1~6월", "'23") are recognised and kept as text, never misread as numbers.
 */
export function inferColumn(values: readonly string[]): ColumnGuess {
  const recognised = new Set<Recognised>();
  const v: string[] = [];
  for (const raw of values) {
    const x = raw.trim();
    if (x === "") continue;
    const h = halfWidth(x);
    if (h !== x) recognised.add("fullwidth");
    if (h === "-") {
      recognised.add("dash-missing");
      continue;
    }
    v.push(h);
  }
  const plain = (t: ColumnType): ColumnGuess => ({ type: t, clean: false, recognised: [] });
  if (!v.length) return plain("VARCHAR");
  if (v.every((x) => PERIOD.test(x))) return { type: "VARCHAR", clean: false, recognised: ["period"] };
  const numbers = v.map((x) => {
    let y = x;
    if (y.endsWith("%")) {
      recognised.add("percent");
      y = y.slice(0, -1);
    }
    if (GROUPED.test(y)) {
      recognised.add("thousands");
      y = y.replace(/,/g, "");
    }
    return y;
  });
  const numeric = numbers.every((x) => NUM.test(x));
  if (numeric) {
    const type: ColumnType = numbers.every((x) => INT.test(x)) && !recognised.has("percent") ? "BIGINT" : "DOUBLE";
    const rec = [...recognised];
    return { type, clean: rec.length > 0, recognised: rec };
  }
  if (v.every((x) => DATE.test(x))) return plain("DATE");
  if (v.every((x) => BOOL.test(x))) return plain("BOOLEAN");
  return plain("VARCHAR");
}

/** The narrowest type every non-empty sample value fits (VARCHAR if none fits or all are empty). */
export function inferType(values: readonly string[]): ColumnType {
  return inferColumn(values).type;
}

/**
 * A table name from a file name or what the reader typed. Letters of any script (e.g. 피해자), digits and _
 * are kept (the name is always quoted in SQL); other characters become _, a leading digit gets t_, and a
 * published table's name (compared as DuckDB does, ignoring case) or a taken one gets a number.
 */
export function tableNameFor(fileName: string, taken: readonly string[] = []): string {
  let base = fileName
    .replace(/\.[^.]*$/, "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}_]+/gu, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 63);
  if (!base) base = "upload";
  if (/^\p{N}/u.test(base)) base = `t_${base}`;
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

export interface Preview {
  header: string[];
  delimiter: string;
  rows: string[][];
  types: ColumnType[];
  /** Per column: the inferred type, whether its values need cleaning on load, and what was recognised. */
  guesses: ColumnGuess[];
}

/** Rows the preview reads (the header and the rows whose values type the columns). */
const SAMPLE_ROWS = 1001;

/** Offset just past the `n`-th line break of `text` (its length when it has fewer). */
export function lineEnd(text: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf("\n", at + 1);
    if (at < 0) return text.length;
  }
  return at + 1;
}

/** Parse the start of the text: header, sniffed delimiter, first `n` rows, types inferred from up to 1,000 rows. */
export function previewCsv(
  text: string,
  n = 20,
  complete = true,
  wide: { over: number; inspect: number } = { over: Infinity, inspect: Infinity },
): Preview {
  // Papa splits its whole input into lines before it stops at `preview`: hand it only the lines it reads.
  const cut = lineEnd(text, SAMPLE_ROWS + 1);
  if (cut < text.length) {
    text = text.slice(0, cut);
    complete = false;
  }
  const sample = Papa.parse<string[]>(text, { preview: SAMPLE_ROWS, skipEmptyLines: true });
  const first = sample.data[0];
  if (!first) throw new CsvError({ code: "empty" });
  if (!complete && sample.data.length < 2 && !/[\r\n]/.test(text))
    throw new CsvError({ code: "long-line", row: 1, detail: `${PREVIEW_BYTES.toLocaleString("en-US")} bytes` });
  const header = checkHeader(first);
  // The text may be the start of a longer file: unless Papa stopped at the preview's last row, its last row
  // can be cut off, so it is not used.
  const body = sample.data.slice(1, complete || sample.meta.truncated ? undefined : -1);
  // A file too wide to load (more than `wide.over` columns) has only the columns the preview draws inspected.
  const inspect = header.length > wide.over ? wide.inspect : header.length;
  const guesses = header.map((_, i) =>
    i < inspect ? inferColumn(body.map((r) => r[i] ?? "")) : { type: "VARCHAR" as const, clean: false, recognised: [] },
  );
  return {
    header,
    delimiter: sample.meta.delimiter,
    rows: body.slice(0, n),
    types: guesses.map((g) => g.type),
    guesses,
  };
}

/** Bytes of the file's start decoded for the preview (enough for very wide headers). */
export const PREVIEW_BYTES = 2 << 20;
/** Bytes checked or converted per slice of main-thread work. */
const SLICE = 4 << 20;
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

export interface PreparedBytes {
  /** UTF-8 bytes for DuckDB's reader (the original buffer when the file already is UTF-8). */
  bytes: Uint8Array;
  encoding: "utf-8" | "cp949";
  /** The start of the text, for the preview; `complete` when it is the whole file. */
  head: string;
  complete: boolean;
}

/**
 * Offset of the first byte ≥ 0x80 at or after `from` (the length when there is none), four bytes at a time:
 * most exported files are ASCII, and this is some fifteen times faster than decoding them.
 */
export function firstNonAscii(bytes: Uint8Array, from = 0): number {
  let i = from;
  const byteAt = (k: number) => bytes[k]! & 0x80;
  // Up to a four-byte boundary of the underlying buffer, then whole words, then the tail.
  while (i < bytes.length && (bytes.byteOffset + i) % 4 !== 0) {
    if (byteAt(i)) return i;
    i++;
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (bytes.length - i) >> 2);
  for (let w = 0; w < words.length; w++) {
    if (words[w]! & 0x80808080) {
      for (let k = i + w * 4; ; k++) if (byteAt(k)) return k;
    }
  }
  for (i += words.length * 4; i < bytes.length; i++) if (byteAt(i)) return i;
  return bytes.length;
}

/**
 * Check the bytes and make them UTF-8 for DuckDB without ever building the whole text in JavaScript: UTF-8 is
 * validated in slices from the first non-ASCII byte; otherwise the bytes are decoded as CP949 (WHATWG "euc-kr") and re-encoded, streamed
 * slice by slice. Yields between slices so the page stays responsive and `onProgress` can move a bar.
 */
export async function prepareBytes(
  bytes: Uint8Array,
  onProgress: (f: number) => void = () => {},
): Promise<PreparedBytes> {
  refuseNonText(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const located = (): never => {
    const r = decodeBytes(bytes, "upload");
    const row = "error" in r ? r.error.row || undefined : undefined;
    const detail = "error" in r ? r.error.message : "bytes are neither valid UTF-8 nor CP949";
    throw new CsvError({ code: "encoding", row, detail });
  };
  const headOf = (b: Uint8Array, from: number) => {
    const end = Math.min(b.length, from + PREVIEW_BYTES);
    const text = new TextDecoder("utf-8").decode(b.subarray(from, end), { stream: end < b.length });
    return { head: text.replace(/^\uFEFF/, ""), complete: end >= b.length };
  };
  const checkEmpty = (head: string) => {
    if (!head.trim()) throw new CsvError({ code: "empty" });
  };
  // UTF-8? Bytes before the first non-ASCII one are whole characters, so only the rest needs decoding.
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let isUtf8 = true;
  try {
    for (let off = firstNonAscii(bytes, bom); off < bytes.length; off += SLICE) {
      const end = Math.min(bytes.length, off + SLICE);
      utf8.decode(bytes.subarray(off, end), { stream: end < bytes.length });
      onProgress(end / bytes.length);
      if (end < bytes.length) await breathe();
    }
  } catch {
    isUtf8 = false;
  }
  if (isUtf8) {
    onProgress(1);
    const h = headOf(bytes, bom);
    checkEmpty(h.head);
    return { bytes, encoding: "utf-8", ...h };
  }
  // CP949 → UTF-8, streamed: a two-byte character becomes at most three bytes.
  const cp949 = new TextDecoder("euc-kr", { fatal: true });
  const enc = new TextEncoder();
  const out = new Uint8Array(Math.ceil(bytes.length * 1.5) + 16);
  let pos = 0;
  try {
    for (let off = 0; off < bytes.length; off += SLICE) {
      const end = Math.min(bytes.length, off + SLICE);
      const text = cp949.decode(bytes.subarray(off, end), { stream: end < bytes.length });
      pos += enc.encodeInto(text, out.subarray(pos)).written;
      onProgress(end / bytes.length);
      if (end < bytes.length) await breathe();
    }
  } catch {
    located();
  }
  const utf = out.subarray(0, pos);
  const h = headOf(utf, 0);
  checkEmpty(h.head);
  return { bytes: utf, encoding: "cp949", ...h };
}

/**
 * After DuckDB refused a file: the first structural problem papaparse finds (ragged row, broken quotes), with
 * its row, so the reader gets a located message instead of an engine dump. Null if it finds none.
 */
export async function findCsvProblem(text: string, delimiter: string): Promise<CsvError | null> {
  try {
    await checkCsv(text, delimiter);
    return null;
  } catch (e) {
    return e instanceof CsvError ? e : null;
  }
}

/**
 * Parse the whole text in chunks (yielding between chunks so the page stays responsive and the progress
 * bar moves) and check every row has as many fields as the header and its quotes close. Writes nothing:
 * DuckDB reads the file itself; this only locates what it refused.
 */
export function checkCsv(
  text: string,
  delimiter: string,
  onProgress: (fraction: number) => void = () => {},
  chunkSize = 1 << 20,
): Promise<{ rows: number; header: string[] }> {
  return new Promise((resolve, reject) => {
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
              continue;
            }
            if (fields.length !== header.length)
              throw new CsvError({
                code: "ragged",
                row,
                detail: `${fields.length} fields; the header has ${header.length}`,
              });
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
        else resolve({ rows: row - 1, header });
      },
    });
  });
}
