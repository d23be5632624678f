/**
 * The explore page's runtime strings (its language's `explore.*` dictionary entries, embedded in the page as
 * JSON) and the small template filler its modules share.
 */
import { LANGS, LOCALE, formatNumber, type Lang } from "../i18n/format";
import { fill } from "../i18n/template";

export type Strings = Record<string, string>;

export function fmt(s: Strings, key: string, vars: Record<string, string | number> = {}): string {
  return fill(s[key] ?? key, vars);
}

export function readStrings(): Strings {
  return JSON.parse(document.querySelector("[data-explore-strings]")?.textContent ?? "{}") as Strings;
}

/** A number as the page's language writes it. */
/** The page's language as the formatters know it (English for anything else). */
const known = (lang: string): Lang => ((LANGS as readonly string[]).includes(lang) ? (lang as Lang) : "en");

export function num(n: number, lang: string): string {
  return formatNumber(n, known(lang), 3);
}

/**
 * Integers in these columns name things rather than count them (years, identifiers): grouped, 2024 would read
 * "2,024".
 */
const LABEL_COLUMN = /(^|[_\s])(year|yr|id|code|no)([_\s]|$)|(연도|년도|년|번호|코드)$/i;

/**
 * A console cell's number as the page's language writes it, with every digit DuckDB returned: the integer part is
 * grouped and the decimal mark is the locale's, nothing is rounded. Years and ids stay as they are.
 */
export function consoleNumber(v: number, column: string, lang: string): string {
  const raw = String(v);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!m || LABEL_COLUMN.test(column)) return raw;
  const { f, decimal } = integerFormat(known(lang));
  return `${m[1]}${f.format(BigInt(m[2]!))}${m[3] ? decimal + m[3] : ""}`;
}

// A formatter is costly to make, and a results page writes up to 10,000 cells: one per language.
const integerFormats = new Map<Lang, { f: Intl.NumberFormat; decimal: string }>();
function integerFormat(lang: Lang): { f: Intl.NumberFormat; decimal: string } {
  let x = integerFormats.get(lang);
  if (!x) {
    const f = new Intl.NumberFormat(LOCALE[lang]);
    x = { f, decimal: f.formatToParts(0.5).find((p) => p.type === "decimal")?.value ?? "." };
    integerFormats.set(lang, x);
  }
  return x;
}
