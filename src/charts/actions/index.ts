/**
 * Chart actions in the browser (share, embed, download, cite), loaded by mount.ts on first use so they add
 * nothing to the first load. Everything reads the figure's current spec (figure.dataset.spec).
 */
import type { ChartSpec } from "../../spec/spec";
import { readPayload } from "../payload";
import { composeSvg } from "./compose";
import { toCsv, filterSeries } from "./csv";
import { citation } from "./cite";
import { embedCode, embedUrl, permalink } from "./links";
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

/** Keep the embed code and the citation in step with the current view. */
export function refresh(fig: HTMLElement): void {
  const c = readConfig(fig);
  const p = readPayload(fig);
  if (!c || !p) return;
  const spec = currentSpec(fig, c);
  const origin = location.origin;
  const code = fig.querySelector<HTMLTextAreaElement>("[data-embed-code]");
  if (code) code.value = embedCode(origin, embedUrl(origin, c, spec), c.title, c.height);
  const cite = fig.querySelector("[data-cite-text]");
  if (cite)
    cite.textContent = citation({
      lang: c.lang,
      spec,
      sourceIds: shownSources(fig),
      sources: p.ctx.sources,
      release: c.release,
      permalink: permalink(origin, c, spec),
      accessed: today(),
    });
}

function composed(fig: HTMLElement, c: ActionsConfig): { svg: string; width: number; height: number } {
  const el = fig.querySelector<SVGSVGElement>("[data-svg] svg");
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
  const svg = composeSvg({ chartSvg, width, height, title: c.title, subtitle: c.subtitle, footer });
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
  const p = readPayload(fig);
  if (!p) throw new Error("no payload");
  const [{ browserDb }, { runChartQuery }, { tableModel }] = await Promise.all([
    import("../../db/client"),
    import("../../db/queries"),
    import("../table"),
  ]);
  const rows = await runChartQuery(browserDb(), spec);
  return tableModel(spec, rows, p.ctx);
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
    status(fig, c.strings.preparing);
    if (action === "svg") {
      const { svg } = composed(fig, c);
      download(`${base(c)}.svg`, new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
    } else if (action === "png") {
      const { svg, width, height } = composed(fig, c);
      download(`${base(c)}.png`, await png(svg, width, height));
    } else if (action === "csv") {
      const t = await currentTable(fig, c);
      download(`${base(c)}.csv`, new Blob([toCsv(t.columns, t.raw as never)], { type: "text/csv;charset=utf-8" }));
    } else if (action === "csv-series") {
      const res = await fetch(c.observationsUrl);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
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
