/** Victims and harms. */
import { chart, type ChartDef } from "./types";

export const VICTIMS: ChartDef[] = [
  chart({
    id: "vh_age",
    page: "victims",
    role: "primary",
    notes: ["victims.year"],
    // Age bands differ between years, so the chart opens on one year: 2022, the first with today's bands.
    d: { series: ["dsc_victims_by_age"], dimension: "age", mark: "bar", from: 2022, to: 2022 },
    bounds: { dimensions: ["age"], fields: ["from", "to"] },
  }),
  chart({
    id: "vh_sex",
    page: "victims",
    d: { series: ["dsc_victims_by_sex"], dimension: "sex" },
    bounds: { dimensions: ["sex"], fields: ["mode", "from", "to"] },
  }),
  chart({ id: "vh_harm", page: "victims", d: { series: ["dsc_harm_types"], dimension: "harm_type" } }),
  chart({
    id: "vh_relationship",
    page: "victims",
    size: { width: 460, half: true },
    d: { series: ["dsc_relationship"], dimension: "relationship" },
  }),
  chart({
    id: "vh_deletion",
    page: "victims",
    size: { width: 460, half: true },
    // 2019 holds only a cumulative figure, not a year of its own.
    d: { series: ["dsc_deletion_by_platform"], dimension: "platform", from: 2020 },
  }),
];
