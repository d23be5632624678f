/**
 * Tooltips for every chart kind, in the page's first script (no Plot, no engine): the renderers write each mark's
 * position and text into the SVG (`data-tips`: [x, y, lines] in SVG units), so pre-rendered and redrawn charts,
 * pages and embeds all work the same way. Pointer hover, touch tap and the keyboard (focus the chart, arrow keys
 * move between points, Escape closes) show the tip; a polite live region reads it to screen readers.
 */

type Tip = [number, number, string[]];

interface State {
  box: HTMLElement;
  tip: HTMLElement;
  live: HTMLElement;
  index: number;
  pinned: boolean;
}

/** The SVG the reader sees: the container may hold several pre-rendered widths, only one displayed. */
function shownSvg(box: HTMLElement): SVGSVGElement | null {
  for (const svg of box.querySelectorAll<SVGSVGElement>("svg[data-tips]"))
    if (svg.getClientRects().length > 0) return svg;
  return null;
}

const cache = new WeakMap<SVGSVGElement, Tip[]>();
function tipsOf(svg: SVGSVGElement): Tip[] {
  let t = cache.get(svg);
  if (!t) {
    try {
      t = JSON.parse(svg.getAttribute("data-tips") ?? "[]") as Tip[];
    } catch {
      t = [];
    }
    cache.set(svg, t);
  }
  return t;
}

/** SVG units → CSS px of the box: the SVG is scaled to the box width. */
function scaleOf(svg: SVGSVGElement): { k: number; left: number; top: number } {
  const r = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const w = vb && vb.width ? vb.width : Number(svg.getAttribute("width")) || r.width;
  return { k: r.width / w, left: r.left, top: r.top };
}

function nearest(svg: SVGSVGElement, clientX: number, clientY: number): number {
  const tips = tipsOf(svg);
  const { k, left, top } = scaleOf(svg);
  const x = (clientX - left) / k;
  const y = (clientY - top) / k;
  const byRow = svg.dataset.tipAxis === "y";
  let best = -1;
  let bestD = Infinity;
  tips.forEach(([tx, ty], i) => {
    // Rows (bars, dumbbells): the row under the pointer first, then the nearest end in it.
    const d = byRow ? Math.abs(ty - y) * 1000 + Math.abs(tx - x) : (tx - x) ** 2 + (ty - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  // Too far from any mark (more than ~48 px on screen): no tip.
  if (best >= 0 && !byRow && Math.sqrt(bestD) * k > 48) return -1;
  if (best >= 0 && byRow && Math.abs(tips[best]![1] - y) * k > 40) return -1;
  return best;
}

function show(s: State, i: number, announce: boolean): void {
  const svg = shownSvg(s.box);
  if (!svg) return;
  const tips = tipsOf(svg);
  const t = tips[i];
  if (!t) return hide(s);
  s.index = i;
  const [x, y, lines] = t;
  s.tip.replaceChildren(
    ...lines.map((line, n) => {
      const el = document.createElement(n === 0 ? "strong" : "span");
      el.textContent = line;
      return el;
    }),
  );
  s.tip.hidden = false;
  const { k, left, top } = scaleOf(svg);
  const boxRect = s.box.getBoundingClientRect();
  const px = left - boxRect.left + x * k;
  const py = top - boxRect.top + y * k;
  // Keep the tip inside the chart box: left or right of the point, above it when there is room.
  const w = s.tip.offsetWidth;
  const h = s.tip.offsetHeight;
  const maxLeft = Math.max(0, boxRect.width - w);
  s.tip.style.left = `${Math.min(maxLeft, Math.max(0, px + 12 + w > boxRect.width ? px - w - 12 : px + 12))}px`;
  s.tip.style.top = `${Math.max(0, py - h - 10 < 0 ? py + 12 : py - h - 10)}px`;
  s.box.dataset.tipIndex = String(i);
  if (announce) s.live.textContent = lines.join(", ");
}

function hide(s: State): void {
  s.tip.hidden = true;
  s.pinned = false;
  delete s.box.dataset.tipIndex;
}

/** Order for the keyboard: left to right, then top to bottom. */
function order(svg: SVGSVGElement): number[] {
  const tips = tipsOf(svg);
  const byRow = svg.dataset.tipAxis === "y";
  return tips
    .map((_, i) => i)
    .sort((a, b) => {
      const [ax, ay] = tips[a]!;
      const [bx, by] = tips[b]!;
      return byRow ? ay - by || ax - bx : ax - bx || ay - by;
    });
}

/** Make one chart box tooltip-ready (idempotent). `help` is read when the chart gets keyboard focus. */
export function attachTooltips(box: HTMLElement, help: string): void {
  if (box.dataset.tips === "on") return;
  box.dataset.tips = "on";
  const tip = document.createElement("div");
  tip.className = "chart-tip";
  tip.hidden = true;
  tip.setAttribute("aria-hidden", "true");
  tip.dataset.tip = "";
  const live = document.createElement("p");
  live.className = "sr-only";
  live.setAttribute("aria-live", "polite");
  live.dataset.tipLive = "";
  box.append(tip, live);
  box.tabIndex = 0;
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", help);
  const s: State = { box, tip, live, index: -1, pinned: false };

  box.addEventListener("pointermove", (e) => {
    if (e.pointerType === "touch" || s.pinned) return;
    const svg = shownSvg(box);
    if (!svg) return;
    const i = nearest(svg, e.clientX, e.clientY);
    if (i < 0) hide(s);
    else if (i !== s.index || s.tip.hidden) show(s, i, false);
  });
  box.addEventListener("pointerleave", () => {
    if (!s.pinned) hide(s);
  });
  // A tap (or click) pins the tip at the nearest mark and announces it; tapping away closes it.
  box.addEventListener("pointerdown", (e) => {
    const svg = shownSvg(box);
    if (!svg) return;
    const i = nearest(svg, e.clientX, e.clientY);
    if (i < 0) return hide(s);
    show(s, i, true);
    s.pinned = true;
  });
  document.addEventListener("pointerdown", (e) => {
    if (s.pinned && e.target instanceof Node && !box.contains(e.target)) hide(s);
  });
  box.addEventListener("keydown", (e) => {
    const svg = shownSvg(box);
    if (!svg) return;
    const ord = order(svg);
    if (!ord.length) return;
    const at = ord.indexOf(s.index);
    let next: number | null = null;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = ord[at < 0 ? 0 : Math.min(ord.length - 1, at + 1)]!;
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = ord[at < 0 ? 0 : Math.max(0, at - 1)]!;
    else if (e.key === "Home") next = ord[0]!;
    else if (e.key === "End") next = ord[ord.length - 1]!;
    else if (e.key === "Escape") return hide(s);
    if (next == null) return;
    e.preventDefault();
    show(s, next, true);
    s.pinned = true;
  });
  box.addEventListener("focusout", (e) => {
    if (!(e.relatedTarget instanceof Node && box.contains(e.relatedTarget))) hide(s);
  });
}
