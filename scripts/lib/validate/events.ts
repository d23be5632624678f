/** events.csv: unique ids, a known kind, loose dates in order, sources and series that exist. */
import { EVENT_KINDS, type DataError } from "../types.ts";
import { isLooseDate } from "../period.ts";
import { oneOf, sourceExists, uniqueKeys, type Lookups, type TableInput } from "./common.ts";

export function validateEvents(t: TableInput, lk: Lookups, errs: DataError[]): void {
  uniqueKeys(t, ["event_id"], errs);
  for (const r of t.rows) {
    const d = r.data;
    const err = (column: string, message: string) => errs.push({ file: t.file, row: r.row, column, message });
    oneOf(t, r.row, "kind", d.kind ?? "", EVENT_KINDS, errs);
    if (d.date && !isLooseDate(d.date)) err("date", `"${d.date}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    if (d.end_date && !isLooseDate(d.end_date))
      err("end_date", `"${d.end_date}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    if (d.date && d.end_date && d.end_date < d.date) err("end_date", `end_date ${d.end_date} is before date ${d.date}`);
    if (d.source_id) sourceExists(lk, t, r.row, d.source_id, errs);
    for (const s of (d.series_ids ?? "").split(" ").filter((x) => x !== "")) {
      if (!lk.seriesInfo.has(s)) err("series_ids", `series "${s}" is not in series.csv`);
    }
  }
}
