/**
 * Byte decoding for CSV files: UTF-8 (with or without BOM) or CP949/EUC-KR.
 * Pure: uses only TextDecoder and Uint8Array, shared by the data pipeline (scripts/) and the browser's
 * "bring your own CSV" loader, so it lives in src/lib (src/ never imports scripts/).
 */

/** Where bytes failed to decode: 1-based row (header = 1; 0 = the file as a whole) and column name. */
export interface DecodeError {
  file: string;
  row: number;
  column: string;
  message: string;
}
type DataError = DecodeError;

export type TextEncodingName = "utf-8" | "cp949";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Detect and decode. UTF-8 is tried first (strictly); if the bytes are not valid UTF-8 they are decoded
 * as CP949 (WHATWG "euc-kr", which is the CP949/UHC superset). Throws if neither decodes cleanly;
 * use decodeBytes() to get a located error instead.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const r = decodeBytes(bytes, "input");
  if ("error" in r) throw new Error(r.error.message);
  return r;
}

/** Like decodeText, but returns `{ error }` naming the row and column of the first undecodable byte. */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText | { error: DataError } {
  if (hasUtf8Bom(bytes)) {
    const body = bytes.subarray(3);
    const text = tryDecode("utf-8", body);
    if (text !== null) return { text, encoding: "utf-8", bom: true };
    return { error: locateInvalidBytes(body, file, "utf-8") };
  }
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", bom: false };
  const cp949 = tryDecode("euc-kr", bytes);
  if (cp949 !== null) return { text: cp949, encoding: "cp949", bom: false };
  // Neither fits the whole file: report the bad bytes where the encoding that fits more of it stops. A UTF-8
  // file with CP949 bytes on row 3 is reported at row 3, not at its first Hangul, where CP949 stops.
  const asUtf8 = locateInvalidBytes(bytes, file, "utf-8");
  const asCp949 = locateInvalidBytes(bytes, file, "euc-kr");
  return { error: asUtf8.row >= asCp949.row ? asUtf8 : asCp949 };
}

/** Byte slices between occurrences of `sep` (views into `bytes`, not copies). */
function splitBytes(bytes: Uint8Array, sep: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === sep) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

/**
 * Find the first line and cell whose bytes are not valid in the given encoding. Splitting on the raw
 * bytes 0x0A and 0x2C is safe for both UTF-8 and CP949 (neither uses them inside a multi-byte character).
 */
function locateInvalidBytes(bytes: Uint8Array, file: string, label: string): DataError {
  const lines = splitBytes(bytes, 0x0a);
  const splitCells = (line: Uint8Array) => splitBytes(line, 0x2c);
  const header = lines[0]
    ? splitCells(lines[0]).map((c) => tryDecode(label, c)?.replace(/^"|"$/g, "").trim() ?? "")
    : [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] ?? new Uint8Array();
    if (tryDecode(label, line) !== null) continue;
    const cells = splitCells(line);
    for (let ci = 0; ci < cells.length; ci++) {
      const cell = cells[ci] ?? new Uint8Array();
      if (tryDecode(label, cell) === null) {
        const bad = Array.from(cell.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
        return {
          file,
          row: li + 1,
          column: header[ci] || `column ${ci + 1}`,
          message: `bytes are neither valid UTF-8 nor CP949 (starting ${bad})`,
        };
      }
    }
    return { file, row: li + 1, column: "", message: "bytes are neither valid UTF-8 nor CP949" };
  }
  return { file, row: 0, column: "", message: "bytes are neither valid UTF-8 nor CP949" };
}
