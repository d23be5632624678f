/** categories.csv: unique (dimension, category) and a sort order that fits DuckDB's INTEGER. */
import type { DataError } from "../types.ts";
import { uniqueKeys, type Lookups, type TableInput } from "./common.ts";

const MAX_SORT = 2 ** 31 - 1;

export function validateCategories(t: TableInput, lk: Lookups, errs: DataError[]): void {
  uniqueKeys(t, ["dimension", "category"], errs);
  for (const r of t.rows) {
    lk.catKeys.add(`${r.data.dimension}/${r.data.category}`);
    const s = r.data.sort ?? "";
    if (s !== "" && !/^\d+$/.test(s))
      errs.push({ file: t.file, row: r.row, column: "sort", message: `"${s}" is not a whole number` });
    else if (s !== "" && Number(s) > MAX_SORT)
      errs.push({ file: t.file, row: r.row, column: "sort", message: `"${s}" is larger than ${MAX_SORT}` });
  }
}
