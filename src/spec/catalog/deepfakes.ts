/** Deepfakes: small multiples, each in its own unit. */
import { chart, type ChartDef } from "./types";

const size = { width: 460, height: 260, half: true };

export const DEEPFAKES: ChartDef[] = [
  chart({
    id: "df_dsc_harm",
    page: "deepfakes",
    size,
    d: { series: ["dsc_harm_types"], dimension: "harm_type", categories: ["synthesis_editing"] },
  }),
  chart({
    id: "df_taskforce",
    page: "deepfakes",
    size,
    windowNotes: true,
    d: { series: ["dsc_deepfake_taskforce"], mark: "bar" },
  }),
  chart({ id: "df_police_cases", page: "deepfakes", size, d: { series: ["knpa_deepfake_cases"] } }),
  chart({ id: "df_police_arrests", page: "deepfakes", size, d: { series: ["knpa_deepfake_arrests"] } }),
  chart({ id: "df_teen_share", page: "deepfakes", size, d: { series: ["knpa_deepfake_teen_share"], mode: "share" } }),
  chart({ id: "df_kcsc", page: "deepfakes", size, d: { series: ["kcsc_deepfake_requests"] } }),
];
