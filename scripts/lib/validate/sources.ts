/** sources.csv: unique ids, a known grade, an http(s) URL, a loose publication date. */
import { GRADES, type DataError } from "../types.ts";
import { isLooseDate } from "../period.ts";
import { oneOf, uniqueKeys, type Lookups, type TableInput } from "./common.ts";

export function validateSources(t: TableInput, lk: Lookups, errs: DataError[]): void {
  uniqueKeys(t, ["source_id"], errs);
  for (const r of t.rows) {
    const d = r.data;
    oneOf(t, r.row, "grade", d.grade ?? "", GRADES, errs);
    if (d.url && !/^https?:\/\//.test(d.url))
      errs.push({ file: t.file, row: r.row, column: "url", message: `"${d.url}" is not an http(s) URL` });
    if (d.published && !isLooseDate(d.published))
      errs.push({
        file: t.file,
        row: r.row,
        column: "published",
        message: `"${d.published}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
      });
    if (d.source_id) lk.sourceGrade.set(d.source_id, d.grade ?? "");
  }
}
