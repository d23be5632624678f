/** Trends: one chart, any series with yearly figures, every breakdown the data has. */
import { chart, type ChartDef } from "./types";

export const TRENDS: ChartDef[] = [
  chart({
    id: "trends",
    page: "trends",
    role: "primary",
    seriesFrom: "trendable",
    d: { series: ["dsc_victims"] },
    bounds: {
      fields: ["series", "dimension", "categories", "mode", "from", "to"],
      dimensions: ["total", "sex", "age", "harm_type", "support_type", "platform", "relationship"],
    },
  }),
];
