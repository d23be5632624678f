/** The URLs a chart view is shared by: page permalink, embed route and the copy-ready embed code. */
import type { ChartSpec, UrlField } from "../../spec/spec";
import { specToQuery } from "../../spec/url";
import { escapeXml } from "./compose";

export interface LinkConfig {
  id: string;
  /** Path of the chart's page, from its catalog entry (e.g. /en/trends/). */
  pagePath: string;
  /** Path of the chart's embed route (e.g. /en/embed/trends/). */
  embedPath: string;
  /** The chart reads its view from the page URL (primary figure). */
  primary: boolean;
  /** The chart's defaults (from its catalog entry): page URLs and embed URLs are both relative to them. */
  defaults: ChartSpec;
  fields: readonly UrlField[];
}

const withQuery = (path: string, q: string) => (q ? `${path}?${q}` : path);

/** Embed route URL of the current view. */
export function embedUrl(origin: string, c: LinkConfig, spec: ChartSpec): string {
  return origin + withQuery(c.embedPath, specToQuery(spec, c.defaults, c.fields));
}

/**
 * The link that reproduces the current view: the page itself for the page's primary chart (it reads the URL),
 * else the chart's own permalink route (the embed route, which is also a standalone page).
 */
export function permalink(origin: string, c: LinkConfig, spec: ChartSpec): string {
  if (c.primary) {
    return `${origin}${withQuery(c.pagePath, specToQuery(spec, c.defaults, c.fields))}#chart-${c.id}`;
  }
  return embedUrl(origin, c, spec);
}

/**
 * The URL a citation names: always the chart on its page (page + `#chart-<id>` anchor), with the view in the query
 * when the page reads it (its primary chart). Readers who follow a citation land on the chart in its context.
 */
export function citeUrl(origin: string, c: LinkConfig, spec: ChartSpec): string {
  const q = c.primary ? specToQuery(spec, c.defaults, c.fields) : "";
  return `${origin}${withQuery(c.pagePath, q)}#chart-${c.id}`;
}

/**
 * Copy-ready HTML for host pages: the iframe, plus the optional resize script. Width and border are also given as
 * attributes, because a host whose Content-Security-Policy forbids inline styles ignores the style attribute.
 */
export function embedCode(origin: string, src: string, title: string, height: number): string {
  return [
    `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" loading="lazy" width="100%" frameborder="0" style="width:100%;border:0" height="${Math.round(height)}"></iframe>`,
    `<script src="${escapeXml(origin)}/embed-resize.js" async></script>`,
  ].join("\n");
}
