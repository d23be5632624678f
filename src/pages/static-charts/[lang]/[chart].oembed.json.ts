/**
 * Static oEmbed responses (https://oembed.com, type "rich"), one per chart and language:
 * /static-charts/{lang}/{chart}.oembed.json. Pages and embeds point to theirs with
 * <link rel="alternate" type="application/json+oembed">, so a CMS that supports oEmbed discovery embeds the
 * chart from its URL. The html is the fixed-height iframe (no script: CMSs strip or sandbox scripts).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { CATALOG } from "../../../spec/catalog";
import { defaultView, embedHeight } from "../../../charts/social/build";
import { CARD, staticFiles } from "../../../charts/social/paths";
import { fixedCode } from "../../../charts/actions/embed-codes";
import { LANGS, t, type Lang } from "../../../i18n";
import { pageUrl } from "../../../i18n/routes";

export const getStaticPaths: GetStaticPaths = () =>
  LANGS.flatMap((lang) => Object.keys(CATALOG).map((chart) => ({ params: { lang, chart } })));

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const v = await defaultView(params.chart!, lang);
  const abs = (p: string) => new URL(p, site).href;
  const title = t(lang, v.def.title);
  const height = embedHeight(v.pr, lang);
  const body = {
    version: "1.0",
    type: "rich",
    title,
    provider_name: t(lang, "site.name"),
    provider_url: abs(pageUrl(lang, "")),
    html: fixedCode(abs(pageUrl(lang, `embed/${v.def.id}`)), title, height),
    // The width the embed was laid out for (the chart plus the embed's padding); it narrows responsively.
    width: Math.round(v.width) + 50,
    height,
    thumbnail_url: abs(staticFiles(lang, v.def.id).card),
    thumbnail_width: CARD.width,
    thumbnail_height: CARD.height,
    cache_age: 86400,
  };
  return new Response(JSON.stringify(body, null, 2) + "\n", {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
