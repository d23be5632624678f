/** CSV for people's spreadsheets: UTF-8 with a BOM (Excel reads Korean correctly) and CRLF line ends (RFC 4180). */

export type Cell = string | number | null | undefined;

function cell(v: Cell): string {
  if (v == null) return "";
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : v;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return "\uFEFF" + [columns, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** Parse RFC 4180 CSV (quoted fields, "" escapes, CRLF or LF); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = "";
  let q = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          f += '"';
          i++;
        } else q = false;
      } else f += c;
    } else if (c === '"') q = true;
    else if (c === ",") {
      row.push(f);
      f = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(f);
      rows.push(row);
      row = [];
      f = "";
    } else f += c;
  }
  if (f !== "" || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}

/** Every row of the published observations table whose series_id is one of `series`, all columns kept. */
export function filterSeries(observationsCsv: string, series: readonly string[]): string {
  const [head, ...rows] = parseCsv(observationsCsv);
  if (!head) throw new Error("observations.csv is empty");
  const col = head.indexOf("series_id");
  if (col < 0) throw new Error("observations.csv has no series_id column");
  return toCsv(
    head,
    rows.filter((r) => series.includes(r[col] ?? "")),
  );
}
