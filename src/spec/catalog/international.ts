/** International: each country in its own unit; across countries only an index. */
import { chart, type ChartDef } from "./types";

const country = (sid: string): ChartDef =>
  chart({
    id: `intl_${sid}`,
    page: "international",
    section: "intl.countries",
    size: { width: 460, height: 260, half: true },
    caveats: true,
    d: { series: [sid] },
  });

export const INTERNATIONAL: ChartDef[] = [
  ...[
    "au_esafety_iba_reports",
    "au_esafety_sextortion_reports",
    "uk_rph_cases",
    "us_ncmec_financial_sextortion",
    "jp_voyeurism_clearances",
  ].map(country),
  chart({
    id: "intl_securityhero",
    page: "international",
    section: "intl.countries",
    caveats: true,
    d: { series: ["global_securityhero_2023"], dimension: "nationality", mode: "share", mark: "bar" },
  }),
  chart({
    id: "intl_index",
    page: "international",
    section: "intl.index",
    notes: ["intl.indexNote"],
    caveats: true,
    d: {
      series: ["au_esafety_iba_reports", "uk_rph_cases", "jp_voyeurism_clearances", "us_ncmec_financial_sextortion"],
      mode: "index",
      // A fixed window that every country covers: an index must not move its base year silently.
      from: 2019,
      to: 2024,
    },
  }),
];
