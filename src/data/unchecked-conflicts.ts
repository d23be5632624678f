/**
 * Conflicts we could not check: another outlet (or another copy of the same report) printed a different figure for
 * a row the site shows, but no source text we hold contains that figure. It can then be neither an alternative
 * (data/alternatives.csv, which needs a quoted figure) nor printed anywhere. The sources page lists these by the
 * figure we show, read from the data; each entry's text (en.ts, ko.ts) names the outlet and holds no number.
 * Ids follow the research record's list of Korean conflicts (K2 = its conflict 2).
 */
import type { StringKey } from "../i18n";

export interface UncheckedConflict {
  /** The research record's conflict, e.g. "K2". */
  id: string;
  series_id: string;
  period: string;
  dimension: string;
  /** The categories whose figures another outlet printed differently (one table row each). */
  categories: readonly string[];
  /** Who printed what, and why it is not shown: a dictionary string without figures. */
  text: StringKey;
}

/** In the order the sources page lists them (series, then period). */
export const UNCHECKED_CONFLICTS: readonly UncheckedConflict[] = [
  {
    id: "K5",
    series_id: "dsc_harm_types",
    period: "2022",
    dimension: "harm_type",
    categories: ["fear_of_distribution"],
    text: "sources.unchecked.K5",
  },
  {
    id: "K3",
    series_id: "dsc_victims_by_age",
    period: "2023",
    dimension: "age",
    categories: ["teens"],
    text: "sources.unchecked.K3",
  },
  {
    id: "K2",
    series_id: "dsc_victims_by_age",
    period: "2024",
    dimension: "age",
    categories: ["teens", "20s"],
    text: "sources.unchecked.K2",
  },
  {
    id: "K4",
    series_id: "dsc_support_cases",
    period: "2024",
    dimension: "total",
    categories: ["all"],
    text: "sources.unchecked.K4",
  },
  {
    id: "K13",
    series_id: "kcsc_deepfake_requests",
    period: "2023",
    dimension: "total",
    categories: ["all"],
    text: "sources.unchecked.K13",
  },
];

/** The observation key of one contested figure: `series_id|period|dimension|category`. */
export const figureKey = (c: Pick<UncheckedConflict, "series_id" | "period" | "dimension">, category: string) =>
  [c.series_id, c.period, c.dimension, category].join("|");
