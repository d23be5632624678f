/**
 * Conflicts about figures no chart shows: the research record lists two published figures for one thing, both in a
 * verbatim quote of a source we hold (data/sources.csv), but neither is a row of the data, so neither can carry an
 * alternative (data/alternatives.csv attaches to a row). The sources page prints both figures as published, each
 * with its source; every figure here must be in its source's quote (tests/unit/data/quote-rule.test.ts). The texts
 * (en.ts, ko.ts) name the outlets and hold no figure. Ids follow the research record: K10 = its Korean conflict 10;
 * the others are from its international conflict table.
 */
import type { StringKey } from "../i18n";

/** One published figure, exactly as its source's quote prints it. */
export interface QuotedFigure {
  /** A count, or a share in percent (0–100). */
  n: number;
  kind: "count" | "share";
  /** "≥" where the source says "at least"; empty for an exact figure. */
  qualifier: "" | "≥";
  /** How the figure reads, with `{n}` for the formatted figure: "{n} arrested" / "{n}명 검거". */
  label: StringKey;
  source_id: string;
}

export interface QuotedConflict {
  id: string;
  /** What is counted, by whom and when. */
  topic: StringKey;
  /** The figures that disagree, the one the record prefers (or the better-graded one) first. */
  figures: readonly [QuotedFigure, QuotedFigure];
  /** Who printed which, and why neither is charted: a dictionary string without figures. */
  text: StringKey;
}

export const QUOTED_CONFLICTS: readonly QuotedConflict[] = [
  {
    id: "K10",
    topic: "sources.other.K10.topic",
    figures: [
      { n: 146, kind: "count", qualifier: "", label: "sources.other.arrested", source_id: "theqoo_2024_hwang" },
      { n: 178, kind: "count", qualifier: "", label: "sources.other.charged", source_id: "guardian_mirror_2024_08" },
    ],
    text: "sources.other.K10",
  },
  {
    id: "deepfake-women-2024",
    topic: "sources.other.deepfakeWomen.topic",
    figures: [
      { n: 96.6, kind: "share", qualifier: "", label: "sources.other.women", source_id: "ytn_2025_0410" },
      { n: 99.6, kind: "share", qualifier: "", label: "sources.other.women", source_id: "instiz_kyunghyang_deepfake" },
    ],
    text: "sources.other.deepfakeWomen",
  },
  {
    id: "nth-room",
    topic: "sources.other.nthRoom.topic",
    figures: [
      {
        n: 74,
        kind: "count",
        qualifier: "≥",
        label: "sources.other.victimsAtLeast",
        source_id: "koreaherald_2020_0325",
      },
      { n: 103, kind: "count", qualifier: "≥", label: "sources.other.victimsAtLeast", source_id: "wikipedia_nth_room" },
    ],
    text: "sources.other.nthRoom",
  },
];
