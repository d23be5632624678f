import { LANGS } from "./format";

/** getStaticPaths for pages that exist once per language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}
