/**
 * Build-time notes for a series published for 12-month windows (the support centre's deepfake taskforce): what
 * the overview's card says, beside the chart and in its embed. The change against the window before (our
 * calculation; the two windows cover different dates) and the split by sex as published. Computed from the data,
 * never typed. Never shipped to browsers.
 */
import { buildDb } from "../db/node";
import { latestPeriod, queryHeadline } from "../db/queries/headline";
import type { Row } from "../db/tables";
import { t, type Lang } from "../i18n";
import { formatChange, formatNumber, formatPercent, formatPeriod } from "../i18n/format";

export async function windowNotes(series: string, lang: Lang): Promise<string[]> {
  const period = (await latestPeriod(buildDb, { series, periodType: "window" }))?.period;
  if (!period) return [];
  const total = await queryHeadline(buildDb, { series, period });
  const w = await queryHeadline(buildDb, { series, period, dimension: "sex", category: "female" });
  const m = await queryHeadline(buildDb, { series, period, dimension: "sex", category: "male" });
  if (!total || total.prev_value == null || total.change_pct == null || !w || !m) return [];
  const s = (v: Row[string] | undefined) => String(v ?? "");
  const pb = formatPeriod(s(total.period), s(total.period_start), s(total.period_end), "window", lang);
  const pa = formatPeriod(s(total.prev_period), s(total.prev_start), s(total.prev_end), "window", lang);
  return [
    t(lang, "deepfakes.taskforceChange", {
      b: formatNumber(Number(total.value), lang),
      pb,
      a: formatNumber(Number(total.prev_value), lang),
      pa,
      chg: formatChange(Number(total.change_pct), lang),
    }),
    t(lang, "deepfakes.taskforceSex", {
      w: formatNumber(Number(w.value), lang),
      ws: formatPercent(Number(w.share), lang),
      m: formatNumber(Number(m.value), lang),
      ms: formatPercent(Number(m.share), lang),
    }),
  ];
}
