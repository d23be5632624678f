/**
 * The three copy-ready embed codes a host page can choose from, and the look options of the embed URL. Pure
 * string work shared by the embed dialog (build and browser) and the oEmbed files.
 *   responsive: iframe + the optional resize script (fits its height to the content);
 *   fixed:      iframe with a fixed height, for hosts that forbid third-party scripts (also the oEmbed html);
 *   image:      the default view as a PNG linked to the chart, for newsletters and CMSs that strip iframes.
 */
import { escapeXml } from "./compose";
import { embedCode } from "./links";

export const THEMES = ["light", "dark", "auto"] as const;
export type EmbedTheme = (typeof THEMES)[number];

export interface EmbedLook {
  /** light (default: matches most articles whatever the reader's setting), dark, or auto (the reader's setting). */
  theme: EmbedTheme;
  /** Let the host page's background show through. */
  transparent: boolean;
}

export const DEFAULT_LOOK: EmbedLook = { theme: "light", transparent: false };

/** The embed URL with the look parameters (public/embed-theme.js reads them); defaults are left out. */
export function withLook(src: string, look: EmbedLook): string {
  const url = new URL(src);
  if (look.theme !== "light") url.searchParams.set("theme", look.theme);
  if (look.transparent) url.searchParams.set("bg", "transparent");
  return url.href;
}

/** Fixed-height iframe: no script needed; the height fits the default view at the default width. */
export function fixedCode(src: string, title: string, height: number): string {
  return `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" loading="lazy" width="100%" height="${Math.round(height)}" frameborder="0" style="width:100%;border:0"></iframe>`;
}

/** A static PNG of the default view, linked to the chart; the alt text is the chart's summary. */
export function imageCode(href: string, img: string, alt: string, size: { width: number; height: number }): string {
  return `<a href="${escapeXml(href)}"><img src="${escapeXml(img)}" alt="${escapeXml(alt)}" width="${Math.round(size.width)}" height="${Math.round(size.height)}" style="max-width:100%;height:auto"></a>`;
}

export interface EmbedCodes {
  responsive: string;
  fixed: string;
  image: string;
}

export interface EmbedCodeInput {
  origin: string;
  /** Embed URL of the current view (without look parameters). */
  src: string;
  title: string;
  height: number;
  look: EmbedLook;
  /** The default view's PNG and its summary, with the page it links to. */
  image: { href: string; src: string; alt: string; width: number; height: number };
}

export function embedCodes(c: EmbedCodeInput): EmbedCodes {
  const src = withLook(c.src, c.look);
  return {
    responsive: embedCode(c.origin, src, c.title, c.height),
    fixed: fixedCode(src, c.title, c.height),
    image: imageCode(c.image.href, c.image.src, c.image.alt, c.image),
  };
}
