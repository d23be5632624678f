/** The indicator table's query in DuckDB-WASM (loaded on the first year change; the engine is shared). */
import { browserDb } from "../../db/client";
import { queryIndicators } from "../../db/queries/indicators";
import type { Row } from "../../db/tables";

const db = browserDb();

export function requery(a: number, b: number): Promise<Row[]> {
  return queryIndicators(db, a, b);
}
