import { CATALOG, type ChartDef } from "./catalog";
import type { Bilingual } from "./context";

interface Ref {
  series: string;
  dimension?: string;
  category?: string;
  period: string;
}

/** The overview's headline figures: which published value, the share beside it, and the trend drawn next to it. */
export const HEADLINES: {
  id: string;
  label: Bilingual;
  figure: Ref;
  share?: Ref & { label: Bilingual };
  spark?: ChartDef;
}[] = [
  {
    id: "victims-2024",
    label: { ko: "디성센터 지원 피해자", en: "Victims supported by the support centre" },
    figure: { series: "dsc_victims", period: "2024" },
    share: {
      series: "dsc_victims_by_sex",
      dimension: "sex",
      category: "male",
      period: "2024",
      label: { ko: "남성", en: "men" },
    },
    spark: CATALOG.spark_victims,
  },
  {
    id: "deepfake-harm-2024",
    label: { ko: "딥페이크(합성·편집) 피해 건수", en: "Deepfake (synthesis/editing) harm cases" },
    figure: { series: "dsc_harm_types", dimension: "harm_type", category: "synthesis_editing", period: "2024" },
    spark: CATALOG.spark_deepfake_harm,
  },
  {
    id: "taskforce",
    label: {
      ko: "디성센터 딥페이크 성범죄 전담팀 지원 피해자(첫 1년)",
      en: "Support centre's deepfake taskforce: victims supported in its first year",
    },
    figure: { series: "dsc_deepfake_taskforce", period: "2024-08-26/2025-08-25" },
    share: {
      series: "dsc_deepfake_taskforce",
      dimension: "sex",
      category: "female",
      period: "2024-08-26/2025-08-25",
      label: { ko: "여성", en: "women" },
    },
  },
  {
    id: "police-deepfake-2024",
    label: { ko: "경찰 딥페이크 성범죄 접수", en: "Police: deepfake sex crime cases" },
    figure: { series: "knpa_deepfake_cases", period: "2024" },
    spark: CATALOG.spark_police_deepfake,
  },
  {
    id: "kcsc-2024",
    label: { ko: "방심위 딥페이크 시정요구", en: "Regulator (KCSC): deepfake correction requests" },
    figure: { series: "kcsc_deepfake_requests", period: "2024" },
    spark: CATALOG.spark_kcsc,
  },
];
