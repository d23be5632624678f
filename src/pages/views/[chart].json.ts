/**
 * /views/{chart}.json: the rows of every view one control change away from a chart's default (src/db/prepared.ts),
 * for each chart a reader can change (its own controls, or the compared years of the chart it follows). Rows do
 * not depend on the language, so one file serves both. The same SQL as the page, run by the build's DuckDB.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { CATALOG, leaderOf, type ChartDef } from "../../spec/catalog";
import { resolve } from "../../charts/resolve";
import { nextViews } from "../../charts/next-views";
import { buildDb } from "../../db/node";
import { runChartQuery } from "../../db/queries";
import { packViews } from "../../db/prepared";
import type { ChartSpec } from "../../spec/spec";

const changeable = (def: ChartDef) => def.bounds.fields.length > 0 || leaderOf(def) !== null;

export const getStaticPaths: GetStaticPaths = () =>
  Object.values(CATALOG)
    .filter(changeable)
    .map((def) => ({ params: { chart: def.id } }));

/** The views a reader's first change can ask of `def`: its own next views, or its leader's compared years. */
async function viewsOf(def: ChartDef): Promise<ChartSpec[]> {
  const { defaults, bounds } = await resolve(def, "en");
  const leader = leaderOf(def);
  if (!leader) return nextViews(defaults, bounds);
  const l = await resolve(leader, "en");
  return nextViews(l.defaults, l.bounds).map((v) => ({ ...defaults, a: v.a, b: v.b }));
}

export const GET: APIRoute = async ({ params }) => {
  const views = await viewsOf(CATALOG[params.chart!]!);
  const pack = await packViews(buildDb, (db) => views.map((v) => runChartQuery(db, v)));
  return new Response(JSON.stringify(pack), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
