/**
 * The data release shown on pages and in citations: read at build time from the manifest that
 * `npm run data` writes next to the built tables. Build-time only (uses the file system).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

function readRelease(): string {
  const file = path.resolve(process.cwd(), "public/data/manifest.json");
  const m = JSON.parse(readFileSync(file, "utf8")) as { release?: string };
  if (!m.release) throw new Error(`${file}: no "release" field; run npm run data`);
  return m.release;
}

export const RELEASE: string = readRelease();
