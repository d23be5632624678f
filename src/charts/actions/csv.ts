/** The chart downloads' CSV: the project's one writer (src/lib/csv.ts), for people's spreadsheets (BOM, CRLF). */
import { parseCsv, toCsv, type CsvCell } from "../../lib/csv";

export type Cell = CsvCell;
export { parseCsv, toCsv };

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
