/**
 * The only script every page loads first (kept small: no Plot, no DuckDB). It reads the view from the URL,
 * enables controls, and loads the interactive layer (Plot + DuckDB-WASM) on first intent, never before first
 * paint. If that layer fails, the pre-rendered chart stays and the status says why.
 */
import type { ChartSpec } from "../spec/spec";
import { readPayload, type Payload } from "./payload";
import { queryToSpec, specToQuery } from "../spec/url";
import { readControls, setEnabled, writeControls } from "./controls";
import { attachTooltips } from "./tooltip";
import { fetchViews, type ViewPack } from "../db/prepared";
import { idlePeriod } from "../lib/idle";

interface Figure {
  el: HTMLElement;
  p: Payload;
  spec: ChartSpec;
  /** Bumped on every draw request: a slower, older request never replaces a newer one. */
  seq: number;
  /** Container width the chart was last drawn for (0: the pre-rendered variant CSS shows for the box). */
  drawnFor: number;
  /** The view in the chart now (its controls go back to it when a newer view cannot be drawn). */
  shown: ChartSpec;
}

type Interactive = typeof import("./interactive");
let layer: Promise<Interactive> | null = null;
/** The engine behind the layer: views not prepared at build time wait for it. */
let engine: "loading" | "ready" | "failed" = "loading";

/** The figure's status line; once the engine has failed, that reason stays. */
function status(f: Figure, text: string): void {
  const s = f.el.querySelector("[data-status]");
  if (s && engine !== "failed") s.textContent = text;
}

/** Figures a reader can change (own controls, or the compared years of the chart they follow). */
const changeable = (f: Figure) => f.p.bounds.fields.length > 0 || !!f.el.dataset.follows;

/** The page's prepared views (src/db/prepared.ts), fetched once; a missing file only means the engine answers. */
let views: Promise<ViewPack[]> | null = null;
const loadViews = (figs: Figure[]) =>
  (views ??= Promise.all(figs.filter(changeable).map((f) => fetchViews(f.p.spec.id))).then((ps) =>
    ps.filter((p): p is ViewPack => p !== null),
  ));

/** Started at idle (see preload); silent: only a reader's own action reports a failure. */
let preloading: Promise<Interactive> | null = null;
const freshLayer = (figs: Figure[]) =>
  import("./interactive").then(async (m) => {
    m.addViews(await loadViews(figs));
    return m;
  });

/** Figures drawn from prepared views while the engine loaded: their status said so, and changes when it is up. */
const awaiting = new Set<Figure>();

function engineReady(figs: Figure[]): void {
  if (engine !== "loading") return;
  engine = "ready";
  document.documentElement.dataset.engine = "ready";
  figs.forEach((f) => (f.p.bounds.fields.length || awaiting.has(f)) && status(f, f.p.strings.ready));
  awaiting.clear();
}

function engineFailed(figs: Figure[], err: unknown): void {
  const reason = err instanceof Error ? err.message : String(err);
  for (const f of figs) {
    status(f, f.p.strings.failed.replace("{reason}", reason.slice(0, 200)));
    setEnabled(f.el, false);
  }
  engine = "failed";
  document.documentElement.dataset.engine = "failed";
}

/** Set by the reader's first intent or action: from then on an engine failure is reported, not kept silent. */
let reporting = false;

/**
 * The layer draws prepared views at once; the engine behind it loads on. From the reader's first intent or action,
 * a failure of either is reported (the idle preload may have loaded the layer before, silently).
 */
function loadLayer(figs: Figure[]): Promise<Interactive> {
  // A failed idle preload is retried here, so that its error is reported to the reader who acted.
  layer ??= preloading ? preloading.catch(() => freshLayer(figs)) : freshLayer(figs);
  if (!reporting) {
    reporting = true;
    for (const f of figs) if (f.p.bounds.fields.length && engine === "loading") status(f, f.p.strings.loading);
    layer
      .then((m) => m.ready(figs.map((f) => f.shown)))
      .then(
        () => engineReady(figs),
        (err: unknown) => engineFailed(figs, err),
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

/** Within a frame of a change: the chart dims, is aria-busy and says so next to the control the reader used. */
function busy(f: Figure, on: boolean, text = "", control?: Element | null): void {
  const box = f.el.querySelector<HTMLElement>("[data-svg]");
  if (on) {
    f.el.setAttribute("aria-busy", "true");
    if (box) box.dataset.busy = "";
  } else {
    f.el.removeAttribute("aria-busy");
    if (box) delete box.dataset.busy;
    delete f.el.dataset.pending;
  }
  for (const s of f.el.querySelectorAll("[data-control-status]")) s.remove();
  const field = control?.closest("label, fieldset");
  if (on && field && text) {
    const s = document.createElement("span");
    s.className = "control-status";
    s.dataset.controlStatus = "";
    s.setAttribute("role", "status");
    s.textContent = text;
    field.append(s);
  }
}

async function redraw(
  f: Figure,
  figs: Figure[],
  spec: ChartSpec,
  push: boolean,
  control?: Element | null,
): Promise<void> {
  f.spec = spec;
  const seq = ++f.seq;
  publish(f);
  writeControls(f.el, f.p, spec);
  if (f.p.primary) {
    const q = specToQuery(spec, f.p.defaults, f.p.bounds.fields);
    if (push) history.pushState(null, "", q ? `?${q}` : location.pathname);
    updateViewLinks(q);
  }
  busy(f, true, engine === "ready" ? f.p.strings.updating : f.p.strings.loading, control);
  const followers = figs.filter((g) => g.el.dataset.follows === f.p.spec.id);
  try {
    const m = await loadLayer(figs);
    status(f, f.p.strings.updating);
    await m.redraw(f.el, f.p, spec, { still: () => seq === f.seq });
    if (seq !== f.seq) return;
    f.shown = spec;
    f.drawnFor = boxWidth(f);
    // Drawn from a prepared view while the engine still loads: the status keeps saying so until it is up.
    if (engine !== "ready") awaiting.add(f);
    status(f, engine === "ready" ? f.p.strings.ready : f.p.strings.loading);
  } catch (err) {
    // Not drawn (the engine failed): the controls, and the links built from them, go back to what is shown.
    if (seq === f.seq && !sameSpec(f.spec, f.shown)) {
      f.spec = f.shown;
      publish(f);
      writeControls(f.el, f.p, f.shown);
      if (f.p.primary) {
        const q = specToQuery(f.shown, f.p.defaults, f.p.bounds.fields);
        // The entry this change pushed; a permalink the reader opened keeps its address.
        if (push) history.replaceState(null, "", q ? `?${q}` : location.pathname);
        updateViewLinks(q);
      }
    }
    throw err;
  } finally {
    if (seq === f.seq) busy(f, false);
  }
  // Figures that follow this one take its compared years, so the URL reproduces every chart on the page.
  for (const g of followers) {
    const next = { ...g.spec, a: spec.a, b: spec.b };
    if (!sameSpec(next, g.spec)) await redraw(g, figs, next, false);
  }
}

function boxWidth(f: Figure): number {
  return Math.floor(f.el.querySelector<HTMLElement>("[data-svg]")?.clientWidth ?? 0);
}

/** Width the shown pre-rendered variant is laid out for (CSS shows the one made for the box's width range). */
function shownVariant(f: Figure): number {
  for (const v of f.el.querySelectorAll<HTMLElement>("[data-variant]"))
    if (v.offsetWidth > 0) return Number(v.dataset.variant) || 0;
  return 0;
}

/**
 * Redraw a chart at the width it now has (pre-rendered variants are replaced by one drawing for this width),
 * unless what is shown is already laid out for about this width, as a phone's box usually is.
 */
async function fit(f: Figure, m: Interactive): Promise<void> {
  const w = boxWidth(f);
  if (!w || Math.abs(w - (f.drawnFor || shownVariant(f))) < 8 || f.el.getAttribute("aria-busy")) return;
  const seq = ++f.seq;
  await m.redraw(f.el, f.p, f.spec, { still: () => seq === f.seq, event: "dsc:fitted" });
  if (seq === f.seq) f.drawnFor = w;
}

/** Figures on or near the screen: only these are fitted; the others when they come near it. */
const nearView = new Set<Figure>();
let fitter: Interactive | null = null;

function watchNearView(figs: Figure[]): void {
  if (!("IntersectionObserver" in window)) {
    figs.forEach((f) => nearView.add(f));
    return;
  }
  const byEl = new Map(figs.map((f) => [f.el, f]));
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const f = byEl.get(e.target as HTMLElement);
        if (!f) continue;
        if (!e.isIntersecting) nearView.delete(f);
        else {
          nearView.add(f);
          if (fitter) void fit(f, fitter).catch(() => undefined);
        }
      }
    },
    { rootMargin: "300px 0px" },
  );
  figs.forEach((f) => io.observe(f.el));
}

async function fitAll(figs: Figure[], m: Interactive): Promise<void> {
  fitter = m;
  for (const f of figs) {
    if (!nearView.has(f)) continue;
    await fit(f, m).catch(() => undefined);
    // Yield between charts, so that a reader's input is never held up by a batch of redraws.
    await new Promise((r) => setTimeout(r, 0));
  }
}

/**
 * Evaluate the interactive layer's big pieces one idle period at a time (the engine's bindings, then the
 * renderer with Plot and d3): evaluated as one module graph they are one long main-thread task.
 */
async function inPieces(figs: Figure[]): Promise<void> {
  // First the small prepared views (a reader's first change needs nothing else), then the engine.
  void loadViews(figs);
  const client = await import("../db/client");
  // The engine's download, compile and tables run off the main thread: start them now, not after the renderer.
  // A failure is remembered by the client and reported when the reader acts.
  client.getEngine().catch(() => undefined);
  await idlePeriod();
  await import("./render");
  await idlePeriod();
}

/** The reader asked for less data (Save-Data, or a 2G/3G connection): load nothing they did not ask for. */
function savingData(): boolean {
  const c = (navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
  return !!c && (c.saveData === true || /(^|-)(2g|3g)$/.test(c.effectiveType ?? ""));
}

/**
 * After first paint, when the browser is idle, load the interactive layer so that a reader's first change is
 * fast, and redraw the charts at their real widths; then keep them fitted when the window is resized.
 */
function preload(figs: Figure[]): void {
  if (!figs.length || savingData()) return;
  watchNearView(figs);
  const start = () => {
    void idlePeriod(2000, 500).then(() => {
      preloading ??= inPieces(figs).then(() => freshLayer(figs));
      void preloading
        .then((m) => {
          layer ??= Promise.resolve(m);
          m.ready(figs.map((f) => f.shown)).then(
            () => engineReady(figs),
            () => undefined,
          );
          return fitAll(figs, m);
        })
        .catch(() => undefined);
    });
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ready = layer ?? preloading;
      if (ready) void ready.then((m) => fitAll(figs, m)).catch(() => undefined);
    }, 200);
  });
}

/**
 * Links that carry the primary chart's view: the language switch and, on an embed of a page's main chart, its
 * "full view". They get the validated query, never the raw location.search (rejected parameters stay out).
 */
function updateViewLinks(q: string): void {
  const lang = document.querySelector<HTMLAnchorElement>("a[data-lang-switch]");
  if (lang) {
    const url = new URL(lang.href, location.href);
    url.search = q;
    url.hash = "";
    lang.href = url.pathname + url.search;
  }
  const full = document.querySelector<HTMLAnchorElement>("a[data-full-view][data-primary]");
  if (full) {
    const url = new URL(full.href, location.href);
    url.search = q;
    full.href = url.href;
  }
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
    if (p) figs.push({ el, p, spec: p.spec, seq: 0, drawnFor: 0, shown: p.spec });
  }
  figs.forEach(publish);
  document.documentElement.dataset.js = "on";
  for (const f of figs) {
    const box = f.el.querySelector<HTMLElement>("[data-svg]");
    if (box) attachTooltips(box, f.p.strings.tipHelp);
  }
  for (const f of figs) {
    if (f.p.primary) {
      const spec = fromUrl(f);
      updateViewLinks(specToQuery(spec, f.p.defaults, f.p.bounds.fields));
      if (!sameSpec(spec, f.p.spec)) {
        // A permalink: until its view is drawn, the page says so over the chart instead of showing the default
        // chart under the permalink's controls.
        f.el.dataset.pending = "";
        const box = f.el.querySelector<HTMLElement>("[data-svg]");
        if (box) box.dataset.pendingText = f.p.strings.drawing;
        void redraw(f, figs, spec, false).catch(() => undefined);
      } else writeControls(f.el, f.p, spec);
    }
    const form = f.el.querySelector("form[data-controls]");
    if (!form) continue;
    setEnabled(f.el, true);
    const intent = () => void loadLayer(figs).catch(() => undefined);
    form.addEventListener("pointerenter", intent, { once: true });
    form.addEventListener("focusin", intent, { once: true });
    form.addEventListener("touchstart", intent, { once: true, passive: true });
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("change", (e) => {
      void redraw(f, figs, readControls(f.el, f.spec, f.p.bounds), true, e.target as Element).catch(() => undefined);
    });
  }
  window.addEventListener("popstate", () => {
    for (const f of figs) if (f.p.primary) void redraw(f, figs, fromUrl(f), false).catch(() => undefined);
  });
  initActions();
  preload(figs);
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
