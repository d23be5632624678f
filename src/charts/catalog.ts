import type { ChartSpec } from "./spec";
import type { SpecBounds } from "../state/url";
import type { Bilingual } from "./context";

/**
 * Every chart the site publishes: its stable id, default spec (without language), title and what readers may
 * change. Embeds, static images and permalinks name charts by these ids.
 */
export interface ChartDef {
  id: string;
  title: Bilingual;
  /** One line under the title: unit and period in words. */
  subtitle: Bilingual;
  defaults: Omit<ChartSpec, "lang">;
  bounds: SpecBounds;
}

const YEARS: readonly [number, number] = [2010, 2025];

function def(
  id: string,
  title: Bilingual,
  subtitle: Bilingual,
  d: Partial<Omit<ChartSpec, "lang" | "id">> & Pick<ChartSpec, "series">,
  bounds?: Partial<SpecBounds>,
): ChartDef {
  const defaults: Omit<ChartSpec, "lang"> = {
    id,
    view: "series",
    dimension: "total",
    categories: [],
    mode: "absolute",
    from: 2018,
    to: 2024,
    a: 2023,
    b: 2024,
    mark: "line",
    ...d,
  };
  return {
    id,
    title,
    subtitle,
    defaults,
    bounds: { series: defaults.series, dimensions: [defaults.dimension], years: YEARS, fields: [], ...bounds },
  };
}

export const CATALOG: Record<string, ChartDef> = Object.fromEntries(
  [
    def(
      "victims",
      {
        ko: "디지털성범죄피해자지원센터 지원 피해자 수",
        en: "Victims supported by the Digital Sex Crime Victim Support Center",
      },
      {
        ko: "명, 연도별(2018년은 4월 30일 개소 이후)",
        en: "Persons per calendar year (2018 from the centre's opening on 30 April)",
      },
      { series: ["dsc_victims"] },
      { fields: ["from", "to", "mode"] },
    ),
    def(
      "trends",
      { ko: "시계열 탐색", en: "Explore a series over time" },
      {
        ko: "시계열, 세부 구분, 기간, 표시 방식을 고르세요",
        en: "Choose a series, a breakdown, years and how to show it",
      },
      { series: ["dsc_victims"], from: 2012, to: 2025 },
      {
        fields: ["series", "dimension", "categories", "mode", "from", "to"],
        dimensions: ["total", "sex", "age", "harm_type", "support_type", "platform", "relationship"],
        // Filled at build time from the data: every series with yearly figures (see trends page).
        series: [],
      },
    ),
    ...sparks(),
  ].map((c) => [c.id, c]),
);

export function chartDef(id: string): ChartDef {
  const c = CATALOG[id];
  if (!c) throw new Error(`Unknown chart id: ${id}`);
  return c;
}

/** Small trend lines beside the overview's headline figures. */
function sparks(): ChartDef[] {
  const sub = { ko: "", en: "" };
  return [
    def("spark_victims", { ko: "지원 피해자 추이", en: "Victims supported, trend" }, sub, {
      series: ["dsc_victims"],
      mark: "sparkline",
    }),
    def("spark_deepfake_harm", { ko: "합성·편집 피해 추이", en: "Synthesis/editing harm cases, trend" }, sub, {
      series: ["dsc_harm_types"],
      dimension: "harm_type",
      categories: ["synthesis_editing"],
      mark: "sparkline",
    }),
    def("spark_police_deepfake", { ko: "경찰 딥페이크 사건 추이", en: "Police deepfake cases, trend" }, sub, {
      series: ["knpa_deepfake_cases"],
      from: 2021,
      mark: "sparkline",
    }),
    def("spark_kcsc", { ko: "방심위 딥페이크 시정요구 추이", en: "KCSC deepfake correction requests, trend" }, sub, {
      series: ["kcsc_deepfake_requests"],
      from: 2020,
      mark: "sparkline",
    }),
  ];
}
