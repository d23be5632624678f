/**
 * The import graph of src/ points down the floors — i18n/lib → spec → db → charts/explore → components/layouts →
 * pages — never imports scripts/, and has no cycles. Astro files are read too (frontmatter and <script> blocks).
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SRC = path.resolve("src");
const FLOOR: Record<string, number> = {
  i18n: 0,
  lib: 0,
  data: 0,
  styles: 0,
  spec: 1,
  db: 2,
  charts: 3,
  explore: 3,
  components: 4,
  layouts: 4,
  pages: 5,
};

// No exceptions: the shared byte decoder lives in src/lib, and the explore console and its upload panel no longer
// import each other.
const ALLOWED_SCRIPTS_IMPORTS = new Set<string>();
const ALLOWED_CYCLES = new Set<string>();

const rel = (f: string) => path.relative(path.resolve("."), f).split(path.sep).join("/");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs|astro)$/.test(n) && !n.endsWith(".d.ts") ? [p] : [];
  });
}

/** Import specifiers of a module (static, dynamic and `export … from`); type-only imports count too. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g,
  ))
    out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null; // packages
  const base = path.resolve(path.dirname(from), spec.replace(/\?.*$/, ""));
  for (const c of [base, `${base}.ts`, `${base}.mjs`, `${base}.astro`, path.join(base, "index.ts")])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return base;
}

const floorOf = (file: string): number | undefined => FLOOR[path.relative(SRC, file).split(path.sep)[0]!];

const graph = new Map<string, string[]>();
for (const f of files(SRC))
  graph.set(
    f,
    specifiers(f).flatMap((s) => resolveImport(f, s) ?? []),
  );

describe("import layers", () => {
  it("reads the whole tree", () => {
    expect(graph.size).toBeGreaterThan(60);
    expect(graph.get(path.join(SRC, "spec/url.ts"))).toContain(path.join(SRC, "spec/validate.ts"));
  });

  it("every src/ folder has a floor", () => {
    for (const f of graph.keys()) expect(floorOf(f), rel(f)).toBeTypeOf("number");
  });

  it("nothing in src/ imports scripts/", () => {
    const bad = [...graph].flatMap(([f, deps]) =>
      deps.filter((d) => !d.startsWith(SRC + path.sep)).map((d) => `${rel(f)} -> ${rel(d)}`),
    );
    expect(bad.filter((b) => !ALLOWED_SCRIPTS_IMPORTS.has(b))).toEqual([]);
  });

  it("imports only point down (or within a floor)", () => {
    const up = [...graph].flatMap(([f, deps]) =>
      deps
        .filter((d) => d.startsWith(SRC + path.sep) && (floorOf(d) ?? 99) > (floorOf(f) ?? -1))
        .map((d) => `${rel(f)} -> ${rel(d)}`),
    );
    expect(up).toEqual([]);
  });

  it("has no import cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (!graph.has(d)) continue;
        if (state.get(d) === "open") cycles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(" -> "));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
    expect(cycles.filter((c) => !ALLOWED_CYCLES.has(c))).toEqual([]);
  });
});

describe("languages are data", () => {
  // Which languages exist, and how each writes numbers and text, is known only to src/i18n/: a branch on a language
  // code anywhere else would have to be found and edited for a third language.
  it("no code outside src/i18n/ branches on a language code", () => {
    const hits = files(path.resolve("src"))
      .filter((f) => !rel(f).startsWith("src/i18n/"))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .map((line, i) => ({ line, at: `${rel(f)}:${i + 1}` }))
          .filter(({ line }) => /[=!]==?\s*["'](ko|en)["']|["'](ko|en)["']\s*[=!]==?/.test(line))
          .map(({ at }) => at),
      );
    expect(hits).toEqual([]);
  });
});
