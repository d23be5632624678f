/**
 * Chart actions in the browser (share, embed, download, cite), loaded by mount.ts on first use so they add
 * nothing to the first load. Everything reads the figure's current spec (figure.dataset.spec).
 */
import type { ChartSpec } from "../../spec/spec";
import { composeSvg } from "./compose";
import { citation } from "./cite";
import { citeUrl, embedUrl, permalink } from "./links";
import { DEFAULT_LOOK, THEMES, embedCodes, type EmbedLook } from "./embed-codes";
import { readConfig, type ActionsConfig } from "./config";
import { formatDate } from "../../i18n/format";

function currentSpec(fig: HTMLElement, c: ActionsConfig): ChartSpec {
  try {
    return fig.dataset.spec ? (JSON.parse(fig.dataset.spec) as ChartSpec) : c.prerendered.spec;
  } catch {
    return c.prerendered.spec;
  }
}

const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** Source ids currently shown, read from the source line's links to the sources page (build and browser alike). */
function shownSources(fig: HTMLElement): string[] {
  const ids = [...fig.querySelectorAll<HTMLAnchorElement>("[data-sources] a[href*='#src-']")].map((a) =>
    decodeURIComponent(a.href.split("#src-")[1] ?? ""),
  );
  return [...new Set(ids.filter(Boolean))];
}

function status(fig: HTMLElement, text: string): void {
  const s = fig.querySelector("[data-action-status]");
  if (s) s.textContent = text;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The colours chosen in the embed dialog. */
function look(fig: HTMLElement): EmbedLook {
  const th = fig.querySelector<HTMLInputElement>("[data-embed-theme]:checked")?.value;
  return {
    theme: THEMES.find((x) => x === th) ?? DEFAULT_LOOK.theme,
    transparent: !!fig.querySelector<HTMLInputElement>("[data-embed-transparent]")?.checked,
  };
}

/** Keep the embed codes and the citation in step with the current view and the chosen colours. */
export function refresh(fig: HTMLElement): void {
  const c = readConfig(fig);
  if (!c) return;
  const spec = currentSpec(fig, c);
  const origin = location.origin;
  const codes = embedCodes({
    origin,
    src: embedUrl(origin, c, spec),
    title: shownTitle(fig, c).title,
    height: c.height,
    look: look(fig),
    image: { ...c.image, src: origin + c.image.src, href: permalink(origin, c, c.defaults) },
  });
  for (const el of fig.querySelectorAll<HTMLTextAreaElement>("[data-embed-code]")) {
    const kind = el.dataset.embedCode as keyof typeof codes;
    if (codes[kind]) el.value = codes[kind];
  }
  const cite = fig.querySelector("[data-cite-text]");
  if (cite)
    cite.textContent = citation({
      lang: c.lang,
      spec,
      sourceIds: shownSources(fig),
      sources: c.ctx.sources,
      release: c.release,
      permalink: citeUrl(origin, c, spec),
      accessed: today(),
      dataYears: shownYears(fig, c.strings.period),
    });
}

/** The title and subtitle as shown now (they follow the view where readers pick the series). */
function shownTitle(fig: HTMLElement, c: ActionsConfig): { title: string; subtitle: string } {
  const text = (sel: string) => (fig.querySelector(sel)?.textContent ?? "").trim();
  return { title: text("[data-title]") || c.title, subtitle: text("[data-subtitle]") || c.subtitle };
}

/** Years in the period column of the chart's data table: the period the shown data covers. */
function shownYears(fig: HTMLElement, periodHeader: string): number[] {
  const table = fig.querySelector("table");
  if (!table) return [];
  const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim());
  const col = heads.indexOf(periodHeader);
  if (col < 0) return [];
  return [...table.querySelectorAll("tbody tr")].flatMap((tr) => {
    const cell = tr.children[col];
    return [...(cell?.textContent ?? "").matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  });
}

/** Copy the citation of the current view; where the clipboard is unavailable, open and select it instead. */
async function copyCitation(fig: HTMLElement, c: ActionsConfig): Promise<void> {
  refresh(fig);
  const el = fig.querySelector<HTMLElement>("[data-cite-text]");
  const text = el?.textContent ?? "";
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return status(fig, c.strings.citeCopied);
    }
  } catch {
    // fall through to selection
  }
  const d = el?.closest("details");
  if (d) d.open = true;
  if (el) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
  status(fig, c.strings.citeManual);
}

function composed(fig: HTMLElement, c: ActionsConfig): { svg: string; width: number; height: number } {
  // The widest drawing: pre-rendered variants are narrowest first; after a redraw there is one.
  const all = fig.querySelectorAll<SVGSVGElement>("[data-svg] svg");
  const el = all[all.length - 1];
  if (!el) throw new Error("no chart");
  const width = Number(el.getAttribute("width")) || el.clientWidth || 720;
  const height = Number(el.getAttribute("height")) || el.clientHeight || 400;
  const chartSvg = new XMLSerializer().serializeToString(el);
  const spec = currentSpec(fig, c);
  const src = (fig.querySelector("[data-sources]")?.textContent ?? "").replace(/\s+/g, " ").trim();
  const footer = [
    src,
    c.strings.footer.replace("{release}", c.release).replace("{date}", formatDate(today(), c.lang)),
    permalink(location.origin, c, spec),
  ];
  const { title, subtitle } = shownTitle(fig, c);
  const svg = composeSvg({ chartSvg, width, height, title, subtitle, footer });
  const size = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  return { svg, width: Number(size?.[1] ?? width), height: Number(size?.[2] ?? height) };
}

async function png(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "sync";
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("SVG did not load as an image"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext("2d");
    if (!g) throw new Error("no canvas");
    g.fillStyle = "#fff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The table shown, as cells: the pre-rendered one, or the same query + table model as the redraw. */
async function currentTable(fig: HTMLElement, c: ActionsConfig): Promise<{ columns: string[]; raw: unknown[][] }> {
  const spec = currentSpec(fig, c);
  if (JSON.stringify(spec) === JSON.stringify(c.prerendered.spec)) return c.prerendered;
  const [{ browserDb }, { runChartQuery }, { tableModel }] = await Promise.all([
    import("../../db/client"),
    import("../../db/queries"),
    import("../table"),
  ]);
  const rows = await runChartQuery(browserDb(), spec);
  const m = tableModel(spec, rows, c.ctx);
  return { columns: m.csvColumns, raw: m.raw };
}

async function copyLink(fig: HTMLElement, c: ActionsConfig): Promise<void> {
  const url = permalink(location.origin, c, currentSpec(fig, c));
  const box = fig.querySelector<HTMLElement>("[data-link-fallback]");
  const field = fig.querySelector<HTMLInputElement>("[data-link-field]");
  if (field) field.value = url;
  let copied = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(url);
      copied = true;
    }
  } catch {
    copied = false;
  }
  if (box) box.hidden = false;
  status(fig, copied ? c.strings.copied : c.strings.copyManual);
  if (!copied) field?.select();
}

const base = (c: ActionsConfig) => `dsc-stats-${c.id}-${c.lang}`;

/** Run one action (the button's data-action) on its figure. */
export async function handle(button: HTMLElement): Promise<void> {
  const fig = button.closest<HTMLElement>("figure[data-chart]");
  const c = fig && readConfig(fig);
  if (!fig || !c) return;
  const action = button.dataset.action;
  try {
    if (action === "copy-link") return await copyLink(fig, c);
    if (action === "copy-cite") return await copyCitation(fig, c);
    status(fig, c.strings.preparing);
    if (action === "svg") {
      const { svg } = composed(fig, c);
      download(`${base(c)}.svg`, new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
    } else if (action === "png") {
      const { svg, width, height } = composed(fig, c);
      download(`${base(c)}.png`, await png(svg, width, height));
    } else if (action === "csv") {
      // The CSV writer (papaparse) loads on first use: the actions chunk stays small for copy-link and embeds.
      const [t, { toCsv }] = await Promise.all([currentTable(fig, c), import("./csv")]);
      download(`${base(c)}.csv`, new Blob([toCsv(t.columns, t.raw as never)], { type: "text/csv;charset=utf-8" }));
    } else if (action === "csv-series") {
      const res = await fetch(c.observationsUrl);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const { filterSeries } = await import("./csv");
      const csv = filterSeries(await res.text(), currentSpec(fig, c).series);
      download(`dsc-stats-${c.id}-series.csv`, new Blob([csv], { type: "text/csv;charset=utf-8" }));
    }
    status(fig, "");
  } catch (err) {
    status(fig, c.strings.failed.replace("{reason}", (err instanceof Error ? err.message : String(err)).slice(0, 200)));
  }
}

for (const fig of document.querySelectorAll<HTMLElement>("figure[data-chart]")) refresh(fig);
document.addEventListener("dsc:spec", (e) => refresh(e.target as HTMLElement));
document.addEventListener("dsc:redrawn", (e) => refresh(e.target as HTMLElement));
document.addEventListener("change", (e) => {
  const t = e.target instanceof Element ? e.target.closest("[data-embed-look]") : null;
  const fig = t?.closest<HTMLElement>("figure[data-chart]");
  if (fig) refresh(fig);
});
