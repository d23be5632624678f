import { DICTIONARIES } from "./dictionaries";
import { fill } from "./template";
import type { en } from "./en";
import { LANGS, type Lang } from "./format";

export type StringKey = keyof typeof en;
const STRINGS: Record<Lang, Record<StringKey, string>> = DICTIONARIES;

/** Look up a UI string and fill {placeholders}. Values are plain text (callers escape when needed). */
export function t(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  return fill(STRINGS[lang][key], vars);
}

/** The language the language switch offers next (with two languages, the other one). */
export function otherLang(lang: Lang): Lang {
  return LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length]!;
}

export * from "./format";
