import { en } from "./en";
import { ko } from "./ko";
import type { Lang } from "./format";

export type StringKey = keyof typeof en;
const STRINGS: Record<Lang, Record<StringKey, string>> = { en, ko };

/** Look up a UI string and fill {placeholders}. Values are plain text (callers escape when needed). */
export function t(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  let s = STRINGS[lang][key];
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  return s;
}

export function otherLang(lang: Lang): Lang {
  return lang === "ko" ? "en" : "ko";
}

export * from "./format";
