/** Overview: the headline figures with their trend lines, and the victims chart. */
import type { StringKey } from "../../i18n";
import { chart, type ChartDef } from "./types";

export const OVERVIEW: ChartDef[] = [
  chart({
    id: "victims",
    page: "",
    role: "primary",
    d: { series: ["dsc_victims"] },
    bounds: { fields: ["from", "to", "mode"] },
  }),
];

const spark = (id: string, d: ChartDef["defaults"] extends infer D ? Partial<D> & { series: string[] } : never) =>
  chart({ id, page: "", role: "panel", subtitle: null, d: { mark: "sparkline", ...d } });

/** Small trend lines beside the overview's headline figures (drawn inside the headline cards). */
export const SPARKS: ChartDef[] = [
  spark("spark_victims", { series: ["dsc_victims"] }),
  spark("spark_deepfake_harm", {
    series: ["dsc_harm_types"],
    dimension: "harm_type",
    categories: ["synthesis_editing"],
  }),
  spark("spark_police_deepfake", { series: ["knpa_deepfake_cases"] }),
  // The regulator's current year is partial: the trend stops at the last full year.
  spark("spark_kcsc", { series: ["kcsc_deepfake_requests"], to: "latest-full" }),
  // The long view: the police illegal filming line from its first year (2000).
  spark("spark_illegal_filming", { series: ["knpa_illegal_filming_cases"] }),
];

/** A published figure: `latest` is the series' last full period of that type, found in the data at build time. */
export interface FigureRef {
  series: string;
  dimension?: string;
  category?: string;
  /** Which kind of period: yearly figures or one-year windows. */
  periodType: "calendar_year" | "window";
}

/** The overview's headline figures: which published value, the share beside it, and the trend drawn next to it. */
export interface HeadlineDef {
  /** Stable key; the rendered id adds the year shown (e.g. `victims-2024`) when the figure is a calendar year. */
  key: string;
  label: StringKey;
  figure: FigureRef;
  share?: FigureRef & { label: StringKey };
  spark?: string;
}

export const HEADLINES: HeadlineDef[] = [
  {
    key: "victims",
    label: "headline.victims.label",
    figure: { series: "dsc_victims", periodType: "calendar_year" },
    share: {
      series: "dsc_victims_by_sex",
      dimension: "sex",
      category: "male",
      periodType: "calendar_year",
      label: "headline.victims.share",
    },
    spark: "spark_victims",
  },
  {
    key: "deepfake-harm",
    label: "headline.deepfake_harm.label",
    figure: {
      series: "dsc_harm_types",
      dimension: "harm_type",
      category: "synthesis_editing",
      periodType: "calendar_year",
    },
    spark: "spark_deepfake_harm",
  },
  {
    key: "taskforce",
    label: "headline.taskforce.label",
    figure: { series: "dsc_deepfake_taskforce", periodType: "window" },
    share: {
      series: "dsc_deepfake_taskforce",
      dimension: "sex",
      category: "female",
      periodType: "window",
      label: "headline.taskforce.share",
    },
  },
  {
    key: "police-deepfake",
    label: "headline.police_deepfake.label",
    figure: { series: "knpa_deepfake_cases", periodType: "calendar_year" },
    spark: "spark_police_deepfake",
  },
  {
    // The long view; a figure after a definition break gets no change (see HEADLINE_SQL).
    key: "illegal-filming",
    label: "headline.illegal_filming.label",
    figure: { series: "knpa_illegal_filming_cases", periodType: "calendar_year" },
    spark: "spark_illegal_filming",
  },
  {
    key: "kcsc",
    label: "headline.kcsc.label",
    figure: { series: "kcsc_deepfake_requests", periodType: "calendar_year" },
    spark: "spark_kcsc",
  },
];
