/**
 * Every chart the site publishes, one file per page. Each entry is the complete chart (page, role, size,
 * notes, years, title keys, what readers may change); pages are lists of entries.
 */
import { COMPARE } from "./compare";
import { DEEPFAKES } from "./deepfakes";
import { INTERNATIONAL } from "./international";
import { JUSTICE } from "./justice";
import { OVERVIEW, SPARKS } from "./overview";
import { TRENDS } from "./trends";
import type { ChartDef, ChartPage } from "./types";
import { VICTIMS } from "./victims";

export type { ChartDef, ChartPage, Role, YearRef } from "./types";
export { HEADLINES, type FigureRef, type HeadlineDef } from "./overview";
export { COMPARE_LEADER } from "./compare";

const ALL: ChartDef[] = [
  ...OVERVIEW,
  ...SPARKS,
  ...TRENDS,
  ...COMPARE,
  ...DEEPFAKES,
  ...VICTIMS,
  ...JUSTICE,
  ...INTERNATIONAL,
];

export const CATALOG: Readonly<Record<string, ChartDef>> = Object.fromEntries(ALL.map((c) => [c.id, c]));

export function chartDef(id: string): ChartDef {
  const c = CATALOG[id];
  if (!c) throw new Error(`Unknown chart id: ${id}`);
  return c;
}

/** The charts a page lists (in order), optionally one section of it. Sparks sit in headline cards instead. */
export function chartsOn(page: ChartPage, filter: { section?: string; half?: boolean } = {}): ChartDef[] {
  return ALL.filter(
    (c) =>
      c.page === page &&
      c.defaults.mark !== "sparkline" &&
      (filter.section === undefined || c.section === filter.section) &&
      (filter.half === undefined || !!c.size?.half === filter.half),
  );
}

/** The chart a follower takes its compared years from. */
export function leaderOf(def: ChartDef): ChartDef | null {
  return typeof def.role === "object" ? chartDef(def.role.follows) : null;
}
