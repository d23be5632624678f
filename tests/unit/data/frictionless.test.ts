import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Package } from "datapackage";
import { buildData } from "../../../scripts/build-data.ts";
import { decodeBytes } from "../../../scripts/lib/decode.ts";

// The package as a data user meets it: the official Frictionless JavaScript library (datapackage 1.1.10, offline:
// every profile it needs ships with it) must call it valid and read every UTF-8 resource's rows with types cast,
// both from data/ and from the release zip the site ships.
const DATA = resolve("data");
const version = (JSON.parse(readFileSync(join(DATA, "datapackage.json"), "utf8")) as { version: string }).version;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const isUtf8 = (enc: string | undefined) => (enc ?? "utf-8").toLowerCase() === "utf-8";

async function readAll(pkg: Package): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const r of pkg.resources) {
    if (!isUtf8(r.descriptor.encoding)) continue;
    // Throws on the first value that does not cast to its field's type or breaks a constraint.
    counts[r.name] = (await r.read({ cast: true })).length;
  }
  return counts;
}

describe("Frictionless (datapackage 1.1.10): data/", () => {
  let pkg: Package;
  beforeAll(async () => {
    pkg = await Package.load(join(DATA, "datapackage.json"), { basePath: DATA });
  });

  it("is a valid package", () => {
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
  });

  it("reads every row of every UTF-8 resource, cast, without an error", async () => {
    const counts = await readAll(pkg);
    expect(Object.keys(counts).sort()).toEqual(
      [
        "alternatives",
        "categories",
        "events",
        "observations",
        "raw-dsc-harm-by-age-2023-utf8",
        "raw-dsc-support-2024-utf8",
        "series",
        "sources",
      ].sort(),
    );
    for (const [name, n] of Object.entries(counts)) expect(n, name).toBeGreaterThan(0);
    expect(counts["raw-dsc-support-2024-utf8"]).toBe(7);
    expect(counts["raw-dsc-harm-by-age-2023-utf8"]).toBe(6);
  });

  it("labels the originals EUC-KR, which WHATWG decoders read exactly as the build's CP949 decoding and the UTF-8 copy", () => {
    const originals = pkg.resources.filter((r) => !isUtf8(r.descriptor.encoding));
    expect(originals.map((r) => r.descriptor.encoding)).toEqual(["EUC-KR", "EUC-KR"]);
    for (const r of originals) {
      const path = r.descriptor.path ?? "";
      const bytes = new Uint8Array(readFileSync(join(DATA, path)));
      const whatwg = new TextDecoder(r.descriptor.encoding, { fatal: true }).decode(bytes);
      const build = decodeBytes(bytes, path);
      expect("text" in build && build.text, path).toBe(whatwg);
      const copy = pkg.resources.find((x) => x.name === `${r.name}-utf8`);
      expect(copy, `${r.name}-utf8`).toBeDefined();
      expect(readFileSync(join(DATA, copy?.descriptor.path ?? ""), "utf8"), path).toBe(whatwg);
    }
  });
});

describe("Frictionless (datapackage 1.1.10): the release zip", () => {
  let zip = resolve("public/data", `dsc-stats-data-${version}.zip`);
  beforeAll(async () => {
    // `npm test` builds first and checks the zip the site ships; run alone, the test builds one to check.
    if (!existsSync(zip)) {
      const out = mkdtempSync(join(tmpdir(), "dsc-zip-"));
      dirs.push(out);
      const r = await buildData({ outDir: out });
      expect(r.errors).toEqual([]);
      zip = join(out, `dsc-stats-data-${version}.zip`);
    }
  }, 60_000);

  it("loads from the zip as a valid package and reads every UTF-8 resource's rows, cast", async () => {
    const pkg = await Package.load(zip);
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    const counts = await readAll(pkg);
    expect(Object.keys(counts)).toHaveLength(8);
    // In the zip, observations.csv is the built union of the curated rows and those ingested from raw/.
    const curated = await Package.load(join(DATA, "datapackage.json"), { basePath: DATA });
    const obs = curated.resources.find((r) => r.name === "observations");
    expect(counts.observations).toBeGreaterThan((await obs!.read({ cast: true })).length);
    for (const [name, n] of Object.entries(counts)) expect(n, name).toBeGreaterThan(0);
    expect(counts["raw-dsc-support-2024-utf8"]).toBe(7);
  });
});
