/**
 * Build time: one overview headline made concrete from the data. Its period is the latest full one the data has,
 * so next year's figures move it with no code change.
 */
import { buildDb } from "../db/node";
import { latestPeriod, queryHeadline } from "../db/queries/headline";
import type { Row } from "../db/tables";
import type { Lang } from "../i18n/format";
import { chartDef, type HeadlineDef } from "../spec/catalog";
import { prerender, type Prerendered } from "./prerender";

export interface Headline {
  /** Rendered id: the key, plus the year shown for yearly figures (e.g. `victims-2024`). */
  id: string;
  row: Row;
  shareRow: Row | null;
  spark: Prerendered | null;
}

export async function headline(h: HeadlineDef, lang: Lang): Promise<Headline> {
  const latest = await latestPeriod(buildDb, h.figure);
  if (!latest) throw new Error(`Headline ${h.key}: no full ${h.figure.periodType} figure for ${h.figure.series}`);
  const id = h.figure.periodType === "calendar_year" ? `${h.key}-${latest.year}` : h.key;
  const row = await queryHeadline(buildDb, { ...h.figure, period: latest.period });
  if (!row || row.value == null) throw new Error(`Headline ${id}: no published value for ${latest.period}`);
  const shareRow = h.share ? await queryHeadline(buildDb, { ...h.share, period: latest.period }) : null;
  const spark = h.spark
    ? await prerender(chartDef(h.spark), lang, { width: 240, height: 56, domId: `spark-${id}` })
    : null;
  return { id, row, shareRow, spark };
}
