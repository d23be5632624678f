/**
 * Data tables carry their text in one column per language (`title_ko`, `title_en`, …). These are the only readers
 * of such column pairs, so a new language is new columns and a dictionary, not new branches in the code.
 */
import { LANGS, type Lang } from "./format";

type Cells = Readonly<Record<string, unknown>>;
const text = (v: unknown) => (v == null ? "" : String(v));

/** `field` in `lang` (`field_<lang>`), falling back to the English column where the language's cell is empty. */
export function localized(row: Cells, field: string, lang: Lang): string {
  return text(row[`${field}_${lang}`]) || text(row[`${field}_en`]);
}

/** `field` in every language, each as `localized` reads it (what the browser needs to redraw in its language). */
export function inEveryLang(row: Cells, field: string): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((l) => [l, localized(row, field, l)])) as Record<Lang, string>;
}
