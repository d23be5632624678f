/** series.csv: unique lower-case ids, known topic, period type and sextortion flag. */
import { PERIOD_TYPES, SEXTORTION_VALUES, TOPICS, type DataError } from "../types.ts";
import { oneOf, uniqueKeys, type Lookups, type TableInput } from "./common.ts";

export function validateSeries(t: TableInput, lk: Lookups, errs: DataError[]): void {
  uniqueKeys(t, ["series_id"], errs);
  for (const r of t.rows) {
    const d = r.data;
    oneOf(t, r.row, "topic", d.topic ?? "", TOPICS, errs);
    oneOf(t, r.row, "period_type", d.period_type ?? "", PERIOD_TYPES, errs);
    oneOf(t, r.row, "includes_sextortion", d.includes_sextortion ?? "", SEXTORTION_VALUES, errs);
    if (d.series_id && !/^[a-z0-9_]+$/.test(d.series_id))
      errs.push({
        file: t.file,
        row: r.row,
        column: "series_id",
        message: `"${d.series_id}" must use lower-case letters, digits and _ only`,
      });
    if (d.series_id) lk.seriesInfo.set(d.series_id, { periodType: d.period_type ?? "", unit: d.unit ?? "" });
  }
}
