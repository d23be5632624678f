// After `astro build`: rasterise every static chart image and link-preview card to PNG.
//   dist/static-charts/{lang}/{id}.svg      → {id}.png       at 2× (default view, sharp on 2× screens)
//   dist/static-charts/{lang}/{id}.card.svg → {id}.card.png  at 1× (1200 × 630, og:image / oEmbed thumbnail)
// The SVGs are what the pre-renderer drew, so the PNGs always match the site. Work is split over worker threads,
// and results are cached by content hash (node_modules/.cache), so an unchanged chart costs nothing on rebuild.
// Usage: node scripts/render-png.mjs [--dir dist]
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { FONT_FILES, svgToPng } from "./lib/png.mjs";

const here = fileURLToPath(import.meta.url);
const CACHE = path.resolve(path.dirname(here), "..", "node_modules", ".cache", "dsc-stats-png");

/** The PNG jobs of a built site: [svg path, png path, scale]. */
export function jobs(root) {
  const dir = path.join(root, "static-charts");
  if (!existsSync(dir)) return [];
  const out = [];
  for (const lang of readdirSync(dir).sort()) {
    const d = path.join(dir, lang);
    for (const f of readdirSync(d).sort()) {
      if (!f.endsWith(".svg")) continue;
      const card = f.endsWith(".card.svg");
      out.push([path.join(d, f), path.join(d, f.replace(/\.svg$/, ".png")), card ? 1 : 2]);
    }
  }
  return out;
}

function fontKey() {
  const h = createHash("sha256");
  for (const f of FONT_FILES) h.update(readFileSync(f));
  const pkg = JSON.parse(
    readFileSync(path.join(path.dirname(here), "..", "node_modules/@resvg/resvg-js/package.json")),
  );
  return h.update(pkg.version).digest("hex");
}

function run(list, key) {
  mkdirSync(CACHE, { recursive: true });
  let hits = 0;
  for (const [src, dest, scale] of list) {
    const svg = readFileSync(src, "utf8");
    const k = createHash("sha256").update(key).update(String(scale)).update(svg).digest("hex");
    const cached = path.join(CACHE, `${k}.png`);
    if (existsSync(cached)) {
      writeFileSync(dest, readFileSync(cached));
      hits++;
      continue;
    }
    const png = svgToPng(svg, scale);
    writeFileSync(dest, png);
    writeFileSync(cached, png);
  }
  return hits;
}

if (!isMainThread && workerData?.list) {
  parentPort.postMessage(run(workerData.list, workerData.key));
} else if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  const i = process.argv.indexOf("--dir");
  const root = path.resolve(i > 0 ? process.argv[i + 1] : "dist");
  const all = jobs(root);
  const t0 = performance.now();
  const key = fontKey();
  const n = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(all.length / 8)));
  const parts = Array.from({ length: n }, (_, k) => all.filter((_, j) => j % n === k));
  const hits = await Promise.all(
    parts.map(
      (list) =>
        new Promise((resolve, reject) => {
          const w = new Worker(here, { workerData: { list, key } });
          w.once("message", resolve);
          w.once("error", reject);
          w.once("exit", (code) => code !== 0 && reject(new Error(`render-png worker exited with ${code}`)));
        }),
    ),
  );
  const cached = hits.reduce((a, b) => a + b, 0);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`render-png: ${all.length} PNGs (${cached} from cache) in ${s} s with ${n} threads`);
}
