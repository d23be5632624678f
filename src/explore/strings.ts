/**
 * The explore page's runtime strings (its language's `explore.*` dictionary entries, embedded in the page as
 * JSON) and the small template filler its modules share.
 */
export type Strings = Record<string, string>;

export function fmt(s: Strings, key: string, vars: Record<string, string | number> = {}): string {
  return (s[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function readStrings(): Strings {
  return JSON.parse(document.querySelector("[data-explore-strings]")?.textContent ?? "{}") as Strings;
}

/** A number as the page's language writes it. */
export function num(n: number, lang: string): string {
  return n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
}
