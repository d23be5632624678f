import type { Lang } from "./format";
import type { StringKey } from "./index";

/** The site's pages, in navigation order. `slug` is the path after /{lang}/. */
export const PAGES: readonly { slug: string; nav: StringKey }[] = [
  { slug: "", nav: "nav.overview" },
  { slug: "trends", nav: "nav.trends" },
  { slug: "compare", nav: "nav.compare" },
  { slug: "deepfakes", nav: "nav.deepfakes" },
  { slug: "victims", nav: "nav.victims" },
  { slug: "justice", nav: "nav.justice" },
  { slug: "international", nav: "nav.international" },
  { slug: "explore", nav: "nav.explore" },
  { slug: "sources", nav: "nav.sources" },
];

/** Site-relative URL of a page in a language (BASE_URL-aware, trailing slash). */
export function pageUrl(lang: Lang, slug: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  return `${base}${lang}/${slug ? `${slug}/` : ""}`;
}
