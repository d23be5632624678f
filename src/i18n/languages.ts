/**
 * The languages the site is written in, and how each writes numbers and text. The only list of languages: a new
 * one is an entry here, a dictionary (./dictionaries.ts) and `*_<lang>` columns in the data.
 */
export interface Language {
  /** BCP 47 tag for Intl (numbers, dates, sorting). */
  locale: string;
  /** Counts in prose grouped by 만/억 (ten thousands), as Korean writes them, rather than by thousands. */
  myriads: boolean;
  /** A count's unit is a counter joined to the number ("1만 305명"), not a word after it ("10,305 victims"). */
  counter: boolean;
  /** A year alone is written with this suffix ("2024년"). */
  yearSuffix: string;
  /** Characters of running text that fit a line at the chart's text size (Hangul glyphs are wider than Latin). */
  charsPerLine: number;
}

export const LANGUAGES = {
  ko: { locale: "ko-KR", myriads: true, counter: true, yearSuffix: "년", charsPerLine: 70 },
  en: { locale: "en-GB", myriads: false, counter: false, yearSuffix: "", charsPerLine: 100 },
} as const satisfies Record<string, Language>;
