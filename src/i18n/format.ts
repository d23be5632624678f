/** Locale-aware number and date formatting: the only place numbers become text. */
import { LANGUAGES } from "./languages";
import { DICTIONARIES } from "./dictionaries";

export type Lang = keyof typeof LANGUAGES;
export const LANGS = Object.keys(LANGUAGES) as readonly Lang[];
export const LOCALE = Object.fromEntries(LANGS.map((l) => [l, LANGUAGES[l].locale])) as Record<Lang, string>;
/** The locale as Open Graph writes it (ko_KR). */
export const ogLocale = (lang: Lang): string => LOCALE[lang].replace("-", "_");

const nf = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    nf.set(key, f);
  }
  return f;
}

/** 10305 → "10,305" in both languages (tables, axes). */
export function formatNumber(n: number | null | undefined, lang: Lang, digits = 1): string {
  if (n == null || !Number.isFinite(n)) return "";
  return numberFormat(lang, digits).format(n);
}

/** Korean prose style with 만/억: 10305 → "1만 305", 332341 → "33만 2,341"; below 10,000 unchanged. */
export function formatKoreanMan(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) < 10_000 || !Number.isInteger(n)) return formatNumber(n, "ko");
  const sign = n < 0 ? "-" : "";
  let rest = Math.abs(n);
  const parts: string[] = [];
  const eok = Math.floor(rest / 100_000_000);
  if (eok) parts.push(`${formatNumber(eok, "ko")}억`);
  rest %= 100_000_000;
  const man = Math.floor(rest / 10_000);
  if (man) parts.push(`${formatNumber(man, "ko")}만`);
  rest %= 10_000;
  if (rest) parts.push(formatNumber(rest, "ko"));
  return sign + parts.join(" ");
}

/**
 * A headline figure: the number as prose writes it, with the unit on it where the language joins them; `unit` is
 * what is left to write after the figure (empty when it is already on the number).
 */
export function formatFigure(n: number, lang: Lang, unit: string, qualifier = ""): { figure: string; unit: string } {
  const l = LANGUAGES[lang];
  const num = l.myriads ? formatKoreanMan(n) : formatNumber(n, lang);
  return l.counter ? { figure: `${qualifier}${num}${unit}`, unit: "" } : { figure: `${qualifier}${num}`, unit };
}

/** A count with its unit for prose: ko "1만 305명", en "10,305 victims". */
export function formatCount(n: number, lang: Lang, unit: Record<Lang, string>, qualifier = ""): string {
  const f = formatFigure(n, lang, unit[lang], qualifier ? `${qualifier}\u2009` : "");
  return f.unit ? `${f.figure} ${f.unit}` : f.figure;
}

/** Characters of running text that fit a line at the chart's text size (Hangul glyphs are wider than Latin). */
export const CHARS_PER_LINE = Object.fromEntries(LANGS.map((l) => [l, LANGUAGES[l].charsPerLine])) as Record<
  Lang,
  number
>;

/** A year on its own as the language writes it: "2024" / "2024년". */
export const formatYear = (y: string | number, lang: Lang): string => `${y}${LANGUAGES[lang].yearSuffix}`;

export function formatPercent(p: number | null | undefined, lang: Lang, digits = 1): string {
  if (p == null || !Number.isFinite(p)) return "";
  return `${formatNumber(p, lang, digits)}%`;
}

/** Signed change: "+14.7%" / "−3.2%" (true minus sign). */
export function formatChange(p: number | null | undefined, lang: Lang, digits = 1): string {
  if (p == null || !Number.isFinite(p)) return "";
  const s = formatNumber(Math.abs(p), lang, digits);
  return `${p > 0 ? "+" : p < 0 ? "\u2212" : "±"}${s}%`;
}

export function formatSignedNumber(n: number | null | undefined, lang: Lang): string {
  if (n == null || !Number.isFinite(n)) return "";
  return `${n > 0 ? "+" : n < 0 ? "\u2212" : "±"}${formatNumber(Math.abs(n), lang)}`;
}

/**
 * ISO date at the precision a source gives → "26 Aug 2024" / "2024. 8. 26."; "2018-05" → "May 2018" / "2018년 5월";
 * "2018" stays a year ("2018년" in Korean).
 */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  if (!m[2]) return formatYear(m[1]!, lang);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)));
  return dateFormat(lang, !!m[3]).format(d);
}

/** A country's name from its ISO code: "JP" → "Japan" / "일본" (the code itself where the runtime has no name). */
export function formatCountry(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([LOCALE[lang]], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

// Formatters are costly to make (a long task on a phone when a page formats many dates): one per language and kind.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, withDay: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withDay}`;
  let f = dateFormats.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = withDay
      ? { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }
      : { year: "numeric", month: "long", timeZone: "UTC" };
    f = new Intl.DateTimeFormat(LOCALE[lang], opts);
    dateFormats.set(key, f);
  }
  return f;
}

/** A period label for people: "2024", "FY2022/23", "26 Aug 2024 – 25 Aug 2025", "2024년", … */
export function formatPeriod(period: string, start: string, end: string, type: string, lang: Lang): string {
  if (type === "calendar_year" && /^\d{4}$/.test(period)) return formatYear(period, lang);
  if (type === "financial_year") return period;
  if (/^\d{4}-\d{2}-\d{2}$/.test(start) && /^\d{4}-\d{2}-\d{2}$/.test(end)) {
    return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
  }
  return period;
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Fill a range pattern from the language's dictionary ("{m1}–{m2} {y1}"; month names are dictionary entries too). */
function rangeText(lang: Lang, key: string, v: Record<string, number>): string {
  const dicts = DICTIONARIES as unknown as Record<string, Record<string, string>>;
  const d = dicts[lang] ?? dicts.en!;
  const month = (m: number) => d[`month.${m}`] ?? String(m);
  return (d[key] ?? "").replace(/\{(\w+)\}/g, (x, k: string) =>
    k in v ? (k.startsWith("m") ? month(v[k]!) : String(v[k])) : x,
  );
}

/**
 * A date range as people write it, as short as it stays exact: "Jan–Sep 2021" / "2021년 1~9월" for whole months,
 * "1 Jan–27 Aug 2024" / "2024년 1월 1일~8월 27일" for days, "Aug 2023–Jul 2024" / "2023년 8월~2024년 7월" across
 * years. The patterns and month names are each language's dictionary entries (range.*, month.*), so a new language
 * writes them its own way with no code change. Input: ISO dates (YYYY-MM-DD). Anything else is returned as given.
 */
export function formatRange(start: string, end: string, lang: Lang): string {
  const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (!a || !b) return start && end ? `${start}–${end}` : start || end;
  const [y1, m1, d1] = [Number(a[1]), Number(a[2]), Number(a[3])];
  const [y2, m2, d2] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const v = { y1, m1, d1, y2, m2, d2 };
  const wholeMonths = d1 === 1 && d2 === lastDayOfMonth(y2, m2);
  if (wholeMonths && y1 === y2 && m1 === 1 && m2 === 12) return formatYear(String(y1), lang);
  if (wholeMonths) {
    if (y1 === y2) return rangeText(lang, m1 === m2 ? "range.month" : "range.months", v);
    return rangeText(lang, "range.monthsAcross", v);
  }
  return rangeText(lang, y1 === y2 ? "range.days" : "range.daysAcross", v);
}

/** A row's period for readers: calendar and financial years as they are, windows and partial years as ranges. */
export function readablePeriod(period: string, start: string, end: string, type: string, lang: Lang): string {
  if (type === "calendar_year" && /^\d{4}$/.test(period)) return formatYear(period, lang);
  if (type === "financial_year") return period;
  if (/^\d{4}-\d{2}-\d{2}$/.test(start) && /^\d{4}-\d{2}-\d{2}$/.test(end)) return formatRange(start, end, lang);
  return period;
}
