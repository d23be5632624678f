/** Compare years: one dumbbell per series (units differ); the first chart holds the years, the rest follow it. */
import type { StringKey } from "../../i18n";
import { chart, type ChartDef } from "./types";

export const COMPARE_LEADER = "compare_dsc_victims";

const compare = (sid: string, section: StringKey): ChartDef => {
  const id = `compare_${sid}`;
  const leader = id === COMPARE_LEADER;
  return chart({
    id,
    page: "compare",
    role: leader ? "primary" : { follows: COMPARE_LEADER },
    section,
    subtitle: "compare.subtitle",
    d: { series: [sid], view: "compare", mark: "dumbbell", dimension: "all" },
    bounds: { dimensions: ["all"], years: ["earliest", "latest-full"], fields: leader ? ["a", "b"] : [] },
  });
};

export const COMPARE: ChartDef[] = [
  ...[
    "dsc_victims",
    "dsc_victims_by_sex",
    "dsc_victims_by_age",
    "dsc_harm_types",
    "dsc_support_cases",
    "dsc_relationship",
    "dsc_deletion_by_platform",
  ].map((sid) => compare(sid, "compare.dsc")),
  ...["knpa_deepfake_cases", "knpa_deepfake_arrests", "knpa_illegal_filming_cases", "kcsc_deepfake_requests"].map(
    (sid) => compare(sid, "compare.police"),
  ),
];
