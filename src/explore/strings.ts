/**
 * The explore page's runtime strings (its language's `explore.*` dictionary entries, embedded in the page as
 * JSON) and the small template filler its modules share.
 */
import { LANGS, formatNumber, type Lang } from "../i18n/format";
import { fill } from "../i18n/template";

export type Strings = Record<string, string>;

export function fmt(s: Strings, key: string, vars: Record<string, string | number> = {}): string {
  return fill(s[key] ?? key, vars);
}

export function readStrings(): Strings {
  return JSON.parse(document.querySelector("[data-explore-strings]")?.textContent ?? "{}") as Strings;
}

/** A number as the page's language writes it. */
export function num(n: number, lang: string): string {
  return formatNumber(n, (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : "en", 3);
}
