import type { ChartSpec, View } from "../../spec/spec";
import type { Db, Row } from "../tables";
import { querySeries } from "./series";
import { queryCompare } from "./compare";

/** One query module per view; the build and the browser both go through here. */
export const QUERIES: Record<View, (db: Db, spec: ChartSpec) => Promise<Row[]>> = {
  series: querySeries,
  compare: queryCompare,
};

export function runChartQuery(db: Db, spec: ChartSpec): Promise<Row[]> {
  return QUERIES[spec.view](db, spec);
}
