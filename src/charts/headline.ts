/**
 * Build time: one overview headline made concrete from the data. Its period is the latest full one the data has,
 * so next year's figures move it with no code change.
 */
import { buildDb } from "../db/node";
import { latestPeriod, queryHeadline } from "../db/queries/headline";
import type { Db, Row } from "../db/tables";
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

/** The period a headline shows: the latest full one of its type in `db`, and the id it is rendered under. */
export async function headlinePeriod(db: Db, h: HeadlineDef): Promise<{ id: string; period: string }> {
  const latest = await latestPeriod(db, h.figure);
  if (!latest) throw new Error(`Headline ${h.key}: no full ${h.figure.periodType} figure for ${h.figure.series}`);
  return { id: h.figure.periodType === "calendar_year" ? `${h.key}-${latest.year}` : h.key, period: latest.period };
}

export async function headline(h: HeadlineDef, lang: Lang): Promise<Headline> {
  const { id, period } = await headlinePeriod(buildDb, h);
  const row = await queryHeadline(buildDb, { ...h.figure, period: period });
  if (!row || row.value == null) throw new Error(`Headline ${id}: no published value for ${period}`);
  const shareRow = h.share ? await queryHeadline(buildDb, { ...h.share, period: period }) : null;
  const spark = h.spark
    ? await prerender(chartDef(h.spark), lang, { width: 240, height: 56, domId: `spark-${id}` })
    : null;
  return { id, row, shareRow, spark };
}
