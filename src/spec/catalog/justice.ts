/**
 * Justice (사법 처리): from occurrence to arrest, clearance and first-instance sentence. Cases and persons are
 * different units, so occurrences and arrests are two panels, never one axis; shares are as published.
 */
import { chart, type ChartDef } from "./types";

const half = { width: 460, height: 260, half: true };

export const JUSTICE: ChartDef[] = [
  chart({
    id: "jx_cases",
    page: "justice",
    section: "justice.police",
    size: half,
    d: { series: ["knpa_illegal_filming_cases"] },
  }),
  chart({
    id: "jx_arrests",
    page: "justice",
    section: "justice.police",
    size: half,
    d: { series: ["knpa_illegal_filming_arrests"] },
  }),
  chart({
    id: "jx_clearance",
    page: "justice",
    section: "justice.police",
    size: { height: 260 },
    d: { series: ["knpa_illegal_filming_clearance_rate"], mode: "share" },
  }),
  chart({
    id: "jx_prison_share",
    page: "justice",
    section: "justice.courts",
    size: half,
    d: { series: ["court_illegal_filming_prison_share"], mode: "share" },
  }),
  // The cumulative split is one period: a bar of its latest published total (2012–2018).
  chart({
    id: "jx_outcomes",
    page: "justice",
    section: "justice.courts",
    size: { width: 460, half: true },
    d: {
      series: ["court_illegal_filming_outcomes"],
      dimension: "sentence",
      mode: "share",
      mark: "bar",
      from: "latest",
      to: "latest",
    },
  }),
];
