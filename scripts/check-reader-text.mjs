// Reader-facing text check: every built page (and the public data package's README) is a published statement,
// so it must not carry the compilers' working notes: research-record file names and section marks, bracketed
// source ids, "research notes", repository/commit provenance, or the loopback host of a local build in a site
// built for a public origin. Run after `npm run build` (part of `npm test`); exits 1 listing file:line — text.
//
// Ids may stay in attributes (href="#src-…", data-*) and in the data files for maintainers: the check reads the
// text a reader can see or copy — element text, alt/title/aria-label/content attributes, and the JSON payloads
// the browser turns into visible text (tooltips, citations, tables).
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";

/** @typedef {{ rule: string, match: string, index: number }} Finding */

/** Each rule: a name and a pattern that must not occur in reader-facing text. */
export const RULES = [
  { rule: "research-record file name", re: /\b(?:korea(?:-long)?|international|README|sources)\.md\b/g },
  { rule: "section mark", re: /§/g },
  { rule: "bracketed source id", re: /\[[a-z][a-z0-9]*_[a-z0-9_]+\]/g },
  { rule: "working-note wording", re: /research (?:notes?|table|record)|연구 노트|조사 노트|shared\/sources/gi },
  { rule: "official file name used as text", re: /[가-힣A-Za-z]+_[^",<>\n]{2,80}?_\d{8}\.csv/g },
  { rule: "repository provenance", re: /\bcommit [0-9a-f]{7,40}\b|GitHub repos?\b/g },
  { rule: "validator flag", re: /\[(?:parts-not-exhaustive|overlapping-categories)\]/g },
];

const LOOPBACK = /\bhttps?:\/\/(?:127\.0\.0\.1|localhost|0\.0\.0\.0)(?::\d+)?/g;

/**
 * Findings in one text. `publicSite` = the site was built for a public origin (DSC_SITE set): then a loopback
 * origin anywhere (canonical, embed code, citation) is a build-host leak.
 * @param {string} text
 * @param {{ publicSite?: boolean }} [opts]
 * @returns {Finding[]}
 */
export function findLeaks(text, opts = {}) {
  /** @type {Finding[]} */
  const out = [];
  const rules = opts.publicSite ? [...RULES, { rule: "build host in a public build", re: LOOPBACK }] : RULES;
  for (const { rule, re } of rules) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push({ rule, match: m[0], index: m.index ?? 0 });
  }
  return out;
}

/**
 * The reader-facing part of an HTML page: text outside tags (scripts included, since their JSON payloads become
 * visible text), plus the attributes readers see or copy. Other attributes (href, id, data-*) are dropped so a
 * `#src-<id>` anchor is not a leak while a `[id]` link text is.
 * @param {string} html
 */
export function readerText(html) {
  const attrs = /\s(?:alt|title|aria-label|content|placeholder|value)="([^"]*)"/g;
  return html.replace(/<[a-zA-Z][^>]*>/g, (tag) => {
    const kept = [...tag.matchAll(attrs)].map((m) => m[1]).join(" ");
    return kept ? ` ${kept} ` : " ";
  });
}

/** The stored (uncompressed) README.md inside a package zip, or null. */
export function zipReadme(buf) {
  for (let i = 0; i + 30 <= buf.length;) {
    if (buf.readUInt32LE(i) !== 0x04034b50) break;
    const size = buf.readUInt32LE(i + 18);
    const nameLen = buf.readUInt16LE(i + 26);
    const extraLen = buf.readUInt16LE(i + 28);
    const name = buf.subarray(i + 30, i + 30 + nameLen).toString("utf8");
    const start = i + 30 + nameLen + extraLen;
    if (name === "README.md") return buf.subarray(start, start + size).toString("utf8");
    i = start + size;
  }
  return null;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".html")) out.push(p);
  }
  return out;
}

/** The site was built for a public origin when its canonical link names a non-loopback host. */
export function builtForPublicSite(html) {
  const m = /<link rel="canonical" href="([^"]+)"/.exec(html);
  return m != null && !/^https?:\/\/(?:127\.0\.0\.1|localhost|0\.0\.0\.0)\b/.test(m[1]);
}

const lineOf = (text, index) => text.slice(0, index).split("\n").length;

/**
 * Check a built site folder. Returns human-readable problems ("file:line — rule: match").
 * @param {string} dist
 */
export function checkDist(dist) {
  const problems = [];
  const pages = walk(dist);
  if (!pages.length) return [`${dist}: no HTML pages found (build first)`];
  const index = path.join(dist, "en", "index.html");
  const publicSite = existsSync(index) && builtForPublicSite(readFileSync(index, "utf8"));
  const report = (file, text, found) => {
    for (const f of found) problems.push(`${file}:${lineOf(text, f.index)} — ${f.rule}: ${JSON.stringify(f.match)}`);
  };
  for (const file of pages) {
    const html = readFileSync(file, "utf8");
    const text = readerText(html);
    report(path.relative(process.cwd(), file), text, findLeaks(text, { publicSite }));
  }
  const dataDir = path.join(dist, "data");
  const zips = existsSync(dataDir) ? readdirSync(dataDir).filter((n) => /^dsc-stats-data-.*\.zip$/.test(n)) : [];
  if (!zips.length) problems.push(`${dataDir}: no data package zip found`);
  for (const z of zips) {
    const readme = zipReadme(readFileSync(path.join(dataDir, z)));
    if (readme == null) problems.push(`${z}: no stored README.md`);
    // The package is read on its own: it must not send readers to files outside it.
    // The README may name the note flags: it documents them for data users of the CSV files.
    else
      report(
        `${z}!README.md`,
        readme,
        findLeaks(readme, { publicSite })
          .filter((f) => f.rule !== "validator flag")
          .concat(outsidePointers(readme)),
      );
  }
  return problems;
}

/** Pointers in the package README to files that are not in the package. */
function outsidePointers(readme) {
  return [...readme.matchAll(/\.\.\/[\w./-]+|beside this repository/g)].map((m) => ({
    rule: "pointer outside the package",
    match: m[0],
    index: m.index ?? 0,
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = path.resolve(process.argv[2] ?? "dist");
  const problems = checkDist(dist);
  if (problems.length) {
    console.error(`Reader-facing text check: ${problems.length} problem(s)\n${problems.slice(0, 200).join("\n")}`);
    process.exit(1);
  }
  console.log(`Reader-facing text check: ${walk(dist).length} pages and the package README are clean.`);
}
