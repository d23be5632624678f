/**
 * The only script every page loads first (kept small: no Plot, no DuckDB). It reads the view from the URL,
 * enables controls, and loads the interactive layer (Plot + DuckDB-WASM) on first intent, never before first
 * paint. If that layer fails, the pre-rendered chart stays and the status says why.
 */
import type { ChartSpec } from "../spec/spec";
import { readPayload, type Payload } from "./payload";
import { queryToSpec, specToQuery } from "../spec/url";
import { readControls, setEnabled, writeControls } from "./controls";

interface Figure {
  el: HTMLElement;
  p: Payload;
  spec: ChartSpec;
}

type Interactive = typeof import("./interactive");
let layer: Promise<Interactive> | null = null;

function status(f: Figure, text: string): void {
  const s = f.el.querySelector("[data-status]");
  if (s) s.textContent = text;
}

function loadLayer(figs: Figure[]): Promise<Interactive> {
  if (!layer) {
    for (const f of figs) if (f.p.bounds.fields.length) status(f, f.p.strings.loading);
    layer = import("./interactive").then(async (m) => {
      await m.ready();
      return m;
    });
    layer.then(
      () => figs.forEach((f) => f.p.bounds.fields.length && status(f, f.p.strings.ready)),
      (err: unknown) => {
        const reason = err instanceof Error ? err.message : String(err);
        for (const f of figs) {
          status(f, f.p.strings.failed.replace("{reason}", reason.slice(0, 200)));
          setEnabled(f.el, false);
        }
        document.documentElement.dataset.engine = "failed";
      },
    );
  }
  return layer;
}

function sameSpec(a: ChartSpec, b: ChartSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Keep the figure's current spec readable by other modules (share, embed, downloads). */
function publish(f: Figure): void {
  f.el.dataset.spec = JSON.stringify(f.spec);
  f.el.dispatchEvent(new CustomEvent("dsc:spec", { bubbles: true, detail: f.spec }));
}

async function redraw(f: Figure, figs: Figure[], spec: ChartSpec, push: boolean): Promise<void> {
  f.spec = spec;
  publish(f);
  writeControls(f.el, f.p, spec);
  if (f.p.primary && push) {
    const q = specToQuery(spec, f.p.defaults, f.p.bounds.fields);
    history.pushState(null, "", q ? `?${q}` : location.pathname);
    updateLangSwitch(q);
  }
  const followers = figs.filter((g) => g.el.dataset.follows === f.p.spec.id);
  const m = await loadLayer(figs);
  status(f, f.p.strings.updating);
  await m.redraw(f.el, f.p, spec);
  status(f, f.p.strings.ready);
  // Figures that follow this one take its compared years, so the URL reproduces every chart on the page.
  for (const g of followers) {
    const next = { ...g.spec, a: spec.a, b: spec.b };
    if (!sameSpec(next, g.spec)) await redraw(g, figs, next, false);
  }
}

/** The language switch keeps the current view: it carries the validated query, never the raw one. */
function updateLangSwitch(q: string): void {
  const a = document.querySelector<HTMLAnchorElement>("a[data-lang-switch]");
  if (!a) return;
  const url = new URL(a.href, location.href);
  url.search = q;
  url.hash = "";
  a.href = url.pathname + url.search;
}

function showNotice(f: Figure, rejected: string[]): void {
  const n = f.el.querySelector<HTMLElement>("[data-notice]");
  if (!n || !rejected.length) return;
  n.textContent = f.p.strings.invalid.replace("{params}", rejected.join(", "));
  n.classList.remove("hidden");
}

function fromUrl(f: Figure): ChartSpec {
  const { spec, rejected } = queryToSpec(new URLSearchParams(location.search), f.p.defaults, f.p.bounds);
  showNotice(f, rejected);
  return spec;
}

function init(): void {
  const figs: Figure[] = [];
  for (const el of document.querySelectorAll<HTMLElement>("figure[data-chart]")) {
    const p = readPayload(el);
    if (p) figs.push({ el, p, spec: p.spec });
  }
  figs.forEach(publish);
  document.documentElement.dataset.js = "on";
  for (const f of figs) {
    if (f.p.primary) {
      const spec = fromUrl(f);
      updateLangSwitch(specToQuery(spec, f.p.defaults, f.p.bounds.fields));
      if (!sameSpec(spec, f.p.spec)) void redraw(f, figs, spec, false).catch(() => undefined);
      else writeControls(f.el, f.p, spec);
    }
    const form = f.el.querySelector("form[data-controls]");
    if (!form) continue;
    setEnabled(f.el, true);
    const intent = () => void loadLayer(figs).catch(() => undefined);
    form.addEventListener("pointerenter", intent, { once: true });
    form.addEventListener("focusin", intent, { once: true });
    form.addEventListener("touchstart", intent, { once: true, passive: true });
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("change", () => {
      void redraw(f, figs, readControls(f.el, f.spec, f.p.bounds), true).catch(() => undefined);
    });
  }
  window.addEventListener("popstate", () => {
    for (const f of figs) if (f.p.primary) void redraw(f, figs, fromUrl(f), false).catch(() => undefined);
  });
  initActions();
  document.dispatchEvent(new CustomEvent("dsc:mounted", { detail: { figures: figs.length } }));
}

/** Share, embed, download and cite (src/charts/actions): loaded on first use, never up front. */
type Actions = typeof import("./actions");
let actions: Promise<Actions> | null = null;
const loadActions = () => (actions ??= import("./actions"));
function initActions(): void {
  for (const el of document.querySelectorAll<HTMLElement>("[data-needs-js]")) el.hidden = false;
  document.addEventListener("click", (e) => {
    const b = e.target instanceof Element ? e.target.closest<HTMLElement>("[data-actions] [data-action]") : null;
    if (b) void loadActions().then((m) => m.handle(b));
  });
  // Opening the embed or cite disclosure brings their text up to date with the current view.
  document.addEventListener(
    "toggle",
    (e) => {
      const d = e.target;
      if (d instanceof HTMLDetailsElement && d.open && d.closest("[data-actions]")) void loadActions();
    },
    true,
  );
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init, { once: true });
else init();
