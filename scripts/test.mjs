// `npm test`: everything CI checks, in order. Makes sure a Chromium exists (Debian's package, installed with
// apt-get when missing and running as root; or CHROMIUM_PATH), builds the site with its shipped data, runs
// format/lint/type checks, unit tests and browser tests in real Chromium, then prints one closing line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

function run(label, cmd, args, opts = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(" ")}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...opts.env } });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✗ ${label} failed (exit ${r.status ?? r.signal}) after ${s}s`);
    return false;
  }
  console.log(`✓ ${label} (${s}s)`);
  return true;
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

function ensureChromium() {
  if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
    console.error(
      `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist. Point it at a Chromium or Chrome binary.`,
    );
    process.exit(1);
  }
  let found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    console.log("Chromium not found: installing Debian's chromium package (apt-get)…");
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get update", "apt-get", ["update", "-qq"], { env }))
      run("apt-get install chromium", "apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk"], { env });
    found = findChromium();
    if (found) return found;
  }
  console.error(
    [
      "",
      "The browser tests need Chromium, and none was found.",
      "  • On Debian/Ubuntu as root:  apt-get update && apt-get install -y chromium",
      "  • Or with sudo:              sudo apt-get install -y chromium",
      "  • Or point to an existing Chromium/Chrome:  CHROMIUM_PATH=/path/to/chrome npm test",
      "(Playwright's own browser download is not used.)",
      "",
    ].join("\n"),
  );
  process.exit(1);
}

/**
 * The deploy test runs deploy/nginx.conf on a real nginx (with the brotli_static module). Install Debian's
 * packages when missing and root; otherwise that one test is skipped and we say so.
 */
function ensureNginx() {
  const nginx = "/usr/sbin/nginx";
  const brotli = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
  if (existsSync(nginx) && existsSync(brotli)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    const pkgs = ["install", "-y", "-qq", "nginx-light", "libnginx-mod-http-brotli-static"];
    // Try the package lists the machine has first; refresh them only if that fails.
    if (!run("apt-get install nginx", "apt-get", pkgs, { env })) {
      if (run("apt-get update", "apt-get", ["update", "-qq"], { env }))
        run("apt-get install nginx", "apt-get", pkgs, { env });
    }
  }
  if (!existsSync(nginx) || !existsSync(brotli))
    console.warn(
      "nginx with brotli_static is not installed: the test of deploy/nginx.conf on a real nginx is skipped.",
    );
}

/**
 * The print test reads the compare brief's PDF with poppler (pdfinfo, pdftotext, pdftoppm). Install Debian's
 * poppler-utils (and a Hangul font) when missing and root; otherwise the test fails and says what to install.
 */
function ensurePoppler() {
  // The Korean brief needs a Hangul font in Chromium, or its PDF has no Korean text to read.
  const cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  if (existsSync("/usr/bin/pdftotext") && existsSync("/usr/bin/pdfinfo") && existsSync(cjk)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    const pkgs = ["install", "-y", "-qq", "poppler-utils", "fonts-noto-cjk"];
    if (!run("apt-get install poppler-utils", "apt-get", pkgs, { env })) {
      if (run("apt-get update", "apt-get", ["update", "-qq"], { env }))
        run("apt-get install poppler-utils", "apt-get", pkgs, { env });
    }
  }
  if (!existsSync("/usr/bin/pdftotext"))
    console.warn("poppler-utils is not installed: the compare print test will fail (apt-get install poppler-utils).");
}

const chromium = ensureChromium();
console.log(`Chromium: ${chromium}`);
ensureNginx();
ensurePoppler();
const reports = path.join(root, "test-results");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ["build (data + site)", "npm", ["run", "build"]],
  // Every built page and the package README are published text: no working notes, ids or build hosts.
  ["reader-facing text", "node", ["scripts/check-reader-text.mjs", "dist"]],
  ["format", "npx", ["prettier", "--check", "."]],
  ["lint", "npx", ["eslint", "."]],
  ["types", "npx", ["astro", "check"]],
  [
    "unit tests",
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/unit.json`],
  ],
  [
    "browser tests",
    "npx",
    [
      "vitest",
      "run",
      "--config",
      "vitest.browser.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reports}/browser.json`,
    ],
    { CHROMIUM_PATH: chromium },
  ],
];

const failedSteps = [];
for (const [label, cmd, args, env] of steps) {
  if (!run(label, cmd, args, { env })) {
    failedSteps.push(label);
    if (label.startsWith("build")) break;
  }
}

let passed = 0;
let failed = 0;
for (const f of ["unit.json", "browser.json"]) {
  const p = path.join(reports, f);
  if (!existsSync(p)) continue;
  const j = JSON.parse(readFileSync(p, "utf8"));
  passed += j.numPassedTests ?? 0;
  failed += j.numFailedTests ?? 0;
}
failed += failedSteps.filter((s) => !s.includes("tests")).length;
if (failedSteps.length) console.error(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length || failed ? 1 : 0);
