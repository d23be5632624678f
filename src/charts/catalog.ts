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

/** Compare page: one dumbbell per series (units differ); `compare_dsc_victims` holds the years, the rest follow. */
export const COMPARE_SERIES: readonly [string, Bilingual][] = [
  ["dsc_victims", { ko: "디성센터 지원 피해자 수", en: "Victims supported by the DSC" }],
  ["dsc_victims_by_sex", { ko: "디성센터 지원 피해자, 성별", en: "DSC victims supported, by sex" }],
  ["dsc_victims_by_age", { ko: "디성센터 지원 피해자, 연령대별", en: "DSC victims supported, by age group" }],
  ["dsc_harm_types", { ko: "디성센터 피해 유형", en: "DSC harm types" }],
  ["dsc_support_cases", { ko: "디성센터 지원 건수, 유형별", en: "DSC support actions by type" }],
  ["dsc_relationship", { ko: "피해자–가해자 관계", en: "Victim–perpetrator relationship" }],
  ["dsc_deletion_by_platform", { ko: "디성센터 플랫폼별 삭제 지원", en: "DSC deletion support by platform" }],
  ["knpa_deepfake_cases", { ko: "경찰 허위영상물(딥페이크) 성범죄 건수", en: "Police deepfake sex crime cases" }],
  ["knpa_deepfake_arrests", { ko: "경찰 허위영상물 성범죄 검거 인원", en: "Persons arrested for deepfake sex crimes" }],
  ["knpa_illegal_filming_cases", { ko: "경찰 카메라등이용촬영 범죄 발생 건수", en: "Police illegal filming cases" }],
  [
    "kcsc_deepfake_requests",
    { ko: "방심위 성적 허위영상물 시정요구", en: "KCSC correction requests on sexual deepfakes" },
  ],
];
export const COMPARE_LEADER = "compare_dsc_victims";

/** International page: each country in its own unit; across countries only an index. */
export const INTERNATIONAL_SERIES: readonly [string, Bilingual, Bilingual, number][] = [
  [
    "au_esafety_iba_reports",
    { ko: "호주: 이미지 기반 학대 신고(eSafety)", en: "Australia: image-based abuse reports (eSafety)" },
    { ko: "건, 회계연도(7월~6월)", en: "Reports per financial year (July–June)" },
    2018,
  ],
  [
    "au_esafety_sextortion_reports",
    { ko: "호주: 성착취 협박 신고(eSafety)", en: "Australia: sexual extortion reports (eSafety)" },
    { ko: "건, 회계연도(7월~6월)", en: "Reports per financial year (July–June)" },
    2018,
  ],
  [
    "uk_rph_cases",
    { ko: "영국: 리벤지 포르노 헬프라인 사례", en: "UK: Revenge Porn Helpline cases" },
    { ko: "건, 연도별", en: "Cases/reports per year" },
    2019,
  ],
  [
    "us_ncmec_financial_sextortion",
    { ko: "미국: NCMEC 금전적 성착취 신고", en: "US: NCMEC financial sextortion reports" },
    { ko: "건, 연도별(빈 점은 반기)", en: "Reports per year (hollow points: half-years)" },
    2022,
  ],
  [
    "jp_voyeurism_clearances",
    { ko: "일본: 도촬 검거 건수", en: "Japan: voyeurism cleared cases" },
    { ko: "건, 연도별", en: "Cleared cases per year" },
    2019,
  ],
];

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
    ...compareCharts(),
    ...deepfakeCharts(),
    ...victimCharts(),
    ...internationalCharts(),
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

function compareCharts(): ChartDef[] {
  const sub = {
    ko: "○ 연도 A, ● 연도 B, A 대비 B 증감률(%, 연속한 해이면 전년 대비)",
    en: "○ year A, ● year B, with the % change from A to B",
  };
  return COMPARE_SERIES.map(([sid, title]) =>
    def(
      `compare_${sid}`,
      title,
      sub,
      { series: [sid], view: "compare", mark: "dumbbell", dimension: "all" },
      {
        dimensions: ["all"],
        years: [2018, 2024],
        fields: `compare_${sid}` === COMPARE_LEADER ? ["a", "b"] : [],
      },
    ),
  );
}

/** Deepfakes page: small multiples, each in its own unit. */
function deepfakeCharts(): ChartDef[] {
  return [
    def(
      "df_dsc_harm",
      { ko: "디성센터: 합성·편집 피해 건수", en: "DSC: synthesis/editing harm cases" },
      { ko: "건, 연도별", en: "Harm cases per calendar year" },
      { series: ["dsc_harm_types"], dimension: "harm_type", categories: ["synthesis_editing"], from: 2018 },
    ),
    def(
      "df_taskforce",
      {
        ko: "디성센터 딥페이크 성범죄 전담팀 지원 피해자",
        en: "Support centre's deepfake taskforce: victims supported",
      },
      {
        ko: "명, 전담팀 설치 전 1년(2023.8.1–2024.7.31)과 첫 1년(2024.8.26–2025.8.25)",
        en: "Victims, the year before the taskforce (1 Aug 2023–31 Jul 2024) and its first year (26 Aug 2024–25 Aug 2025)",
      },
      { series: ["dsc_deepfake_taskforce"], mark: "bar", from: 2024, to: 2025 },
    ),
    def(
      "df_police_cases",
      { ko: "경찰: 딥페이크 성범죄 건수", en: "Police: deepfake sex crime cases" },
      { ko: "건, 연도별(빈 점은 부분 기간)", en: "Cases per year (hollow points: partial periods)" },
      { series: ["knpa_deepfake_cases"], from: 2021, to: 2024 },
    ),
    def(
      "df_police_arrests",
      { ko: "경찰: 딥페이크 성범죄 검거 인원", en: "Police: persons arrested for deepfake sex crimes" },
      { ko: "명, 연도별", en: "Persons per year" },
      { series: ["knpa_deepfake_arrests"], from: 2021, to: 2024 },
    ),
    def(
      "df_teen_share",
      { ko: "경찰: 딥페이크 피의자 중 10대 비율", en: "Police: teen share of deepfake suspects" },
      { ko: "%, 발표된 비율 그대로", en: "Per cent, as published" },
      { series: ["knpa_deepfake_teen_share"], mode: "share", from: 2021, to: 2024 },
    ),
    def(
      "df_kcsc",
      { ko: "방심위: 성적 허위영상물 시정요구", en: "KCSC: correction requests on sexual deepfakes" },
      { ko: "건, 연도별", en: "Requests per year" },
      { series: ["kcsc_deepfake_requests"], from: 2020, to: 2024 },
    ),
  ];
}

/** Victims and harms page. */
function victimCharts(): ChartDef[] {
  return [
    def(
      "vh_sex",
      { ko: "지원 피해자 성별", en: "Victims supported, by sex" },
      { ko: "명 또는 발표된 비율(%), 연도별", en: "Persons or published share (%), per year" },
      { series: ["dsc_victims_by_sex"], dimension: "sex", from: 2018 },
      { dimensions: ["sex"], fields: ["mode", "from", "to"] },
    ),
    def(
      "vh_age",
      { ko: "지원 피해자 연령대(미상 포함)", en: "Victims supported, by age group (unknown shown)" },
      {
        ko: "명, 선택한 연도(연령 구분은 연도마다 다름)",
        en: "Persons in the chosen year (age bands differ between years)",
      },
      { series: ["dsc_victims_by_age"], dimension: "age", mark: "bar", from: 2022, to: 2022 },
      { dimensions: ["age"], years: [2018, 2024], fields: ["from", "to"] },
    ),
    def(
      "vh_relationship",
      { ko: "피해자–가해자 관계", en: "Victim–perpetrator relationship" },
      { ko: "명, 연도별", en: "Persons per year" },
      { series: ["dsc_relationship"], dimension: "relationship", from: 2022 },
    ),
    def(
      "vh_harm",
      { ko: "피해 유형", en: "Harm types" },
      { ko: "건(한 피해자가 여러 유형), 연도별", en: "Cases (one victim can report several types), per year" },
      { series: ["dsc_harm_types"], dimension: "harm_type" },
    ),
    def(
      "vh_deletion",
      { ko: "플랫폼별 삭제 지원", en: "Deletion support by platform" },
      { ko: "건, 연도별", en: "Actions per year" },
      { series: ["dsc_deletion_by_platform"], dimension: "platform", from: 2020, to: 2023 },
    ),
  ];
}

function internationalCharts(): ChartDef[] {
  return [
    ...INTERNATIONAL_SERIES.map(([sid, title, sub, from]) =>
      def(`intl_${sid}`, title, sub, { series: [sid], from, to: 2025 }),
    ),
    def(
      "intl_securityhero",
      {
        ko: "딥페이크 성적 영상 등장 인물 국적(Security Hero, 2023)",
        en: "Nationality of people in deepfake pornography (Security Hero, 2023)",
      },
      { ko: "%, 표본 조사 한 번(2023년 7~8월)", en: "Per cent of one sample (July–August 2023)" },
      {
        series: ["global_securityhero_2023"],
        dimension: "nationality",
        mode: "share",
        mark: "bar",
        from: 2023,
        to: 2023,
      },
    ),
    def(
      "intl_index",
      { ko: "국가별 증가 추세(지수, 첫해 = 100)", en: "Growth by country (index, first year = 100)" },
      {
        ko: "단위와 정의가 달라 건수는 비교하지 않고 증가율만 비교",
        en: "Units and definitions differ: only growth is compared, never counts",
      },
      {
        series: ["au_esafety_iba_reports", "uk_rph_cases", "jp_voyeurism_clearances", "us_ncmec_financial_sextortion"],
        mode: "index",
        from: 2019,
        to: 2024,
      },
    ),
  ];
}
