/** alternatives.csv: each belongs to an observation, has an exact count or share, a matching grade and a reason. */
import { GRADES, type DataError, type Observation } from "../types.ts";
import { checkCount, checkShare, oneOf, sourceExists, type Lookups, type TableInput } from "./common.ts";

export function validateAlternatives(
  t: TableInput,
  lk: Lookups,
  observations: readonly Observation[],
  errs: DataError[],
): void {
  const obsIndex = new Set(observations.map((o) => `${o.series_id}|${o.period}|${o.category}`));
  for (const r of t.rows) {
    const d = r.data;
    const err = (column: string, message: string) => errs.push({ file: t.file, row: r.row, column, message });
    if (d.series_id && !lk.seriesInfo.has(d.series_id))
      err("series_id", `series "${d.series_id}" is not in series.csv`);
    else if (d.series_id && !obsIndex.has(`${d.series_id}|${d.period}|${d.category}`))
      err("period", `no observation ${d.series_id} / ${d.period} / ${d.category} for this alternative to belong to`);
    if (d.value) {
      const c = checkCount(d.value);
      if ("error" in c) err("value", c.error);
    }
    if (d.share) {
      const s = checkShare(d.share);
      if ("error" in s) err("share", s.error);
    }
    if (!d.value && !d.share) err("value", "an alternative needs a value or a share");
    if (
      oneOf(t, r.row, "grade", d.grade ?? "", GRADES, errs) &&
      d.source_id &&
      sourceExists(lk, t, r.row, d.source_id, errs) &&
      lk.sourceGrade.get(d.source_id) !== d.grade
    )
      err(
        "grade",
        `grade ${d.grade} differs from the grade of source "${d.source_id}" (${lk.sourceGrade.get(d.source_id)})`,
      );
    if (!d.note_en) err("note_en", "an alternative must say why it differs (note_en is empty)");
  }
}
