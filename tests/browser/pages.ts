/** Pages discovered from the built site (dist/{ko,en}/**\/index.html), so tests cover pages as they are added. */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const DIST = path.resolve("dist");

function walk(dir: string, rel: string, out: string[]) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, `${rel}${name}/`, out);
    else if (name === "index.html") out.push(rel);
  }
}

/** URL paths like "/en/trends/" of every built page in both languages (embed routes included). */
export function builtPages(): string[] {
  const out: string[] = [];
  for (const lang of ["ko", "en"]) walk(path.join(DIST, lang), `/${lang}/`, out);
  if (out.length < 2) throw new Error("no pages in dist/: build the site first (npx astro build)");
  return out;
}

export const isEmbedPath = (p: string) => /\/embed\//.test(p);
