import type { ChartSpec } from "../spec";
import type { SpecBounds } from "../../state/url";
import type { Bilingual } from "../context";
import type { ChartDef } from "../catalog";

/** The catalog's chart builder, passed in so this file does not import the catalog back. */
type Def = (
  id: string,
  title: Bilingual,
  subtitle: Bilingual,
  d: Partial<Omit<ChartSpec, "lang" | "id">> & Pick<ChartSpec, "series">,
  bounds?: Partial<SpecBounds>,
) => ChartDef;

/**
 * Justice page (사법 처리): from occurrence to arrest, clearance and first-instance sentence. Cases and persons
 * are different units, so occurrences and arrests are two panels, never one axis; shares are as published.
 */
export function justiceCharts(def: Def): ChartDef[] {
  return [
    // The overview's long-view card: the police illegal filming line from its first year.
    def(
      "spark_illegal_filming",
      { ko: "경찰 불법촬영 발생 건수 추이(2000년부터)", en: "Police illegal filming cases since 2000, trend" },
      { ko: "", en: "" },
      { series: ["knpa_illegal_filming_cases"], from: 2000, to: 2024, mark: "sparkline" },
    ),
    def(
      "jx_cases",
      { ko: "경찰: 카메라등이용촬영 범죄 발생 건수", en: "Police: illegal filming cases occurred" },
      {
        ko: "건, 연도별(2024년은 넓은 정의로 단절)",
        en: "Cases per year (2024: broader definition, series break)",
      },
      { series: ["knpa_illegal_filming_cases"], from: 2000, to: 2024 },
    ),
    def(
      "jx_arrests",
      { ko: "경찰: 카메라등이용촬영 검거 인원", en: "Police: persons arrested for illegal filming" },
      { ko: "명, 연도별(빈 점은 부분 기간)", en: "Persons per year (hollow point: partial period)" },
      { series: ["knpa_illegal_filming_arrests"], from: 2009, to: 2023 },
    ),
    def(
      "jx_clearance",
      { ko: "경찰: 카메라등이용촬영 검거율", en: "Police: clearance rate for illegal filming" },
      {
        ko: "%, 발표된 비율(2022년은 1~8월, 2024년은 넓은 정의)",
        en: "Per cent as published (2022: January–August; 2024: broader definition)",
      },
      { series: ["knpa_illegal_filming_clearance_rate"], mode: "share", from: 2017, to: 2024 },
    ),
    def(
      "jx_prison_share",
      {
        ko: "법원: 1심에서 자유형(징역·금고)을 선고받은 피고인 비율",
        en: "Courts: share of first-instance defendants sentenced to imprisonment",
      },
      { ko: "%, 연도별, 발표된 비율(2019년 이후 자료 없음)", en: "Per cent per year, as published (none after 2018)" },
      { series: ["court_illegal_filming_prison_share"], mode: "share", from: 2013, to: 2018 },
    ),
    def(
      "jx_outcomes",
      {
        ko: "법원: 1심 선고 결과, 2012~2018년 누적",
        en: "Courts: first-instance sentences, 2012–2018 combined",
      },
      {
        ko: "피고인 중 비율(%), 발표된 그대로(무죄·기타는 미발표)",
        en: "Share of defendants (%), as published (acquittals and other outcomes not published)",
      },
      {
        series: ["court_illegal_filming_outcomes"],
        dimension: "sentence",
        mode: "share",
        mark: "bar",
        from: 2018,
        to: 2018,
      },
    ),
  ];
}
