/**
 * `npm run data` — the only I/O of the data package: reads data/, validates, builds public/data/ with
 * DuckDB (Node), writes manifest.json and the download zip, prints a one-screen summary.
 * Exits non-zero on any validation or build error.
 *
 *   tsx scripts/build-data.ts [--data <dir>] [--out <dir>]
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { decodeBytes } from "./lib/decode.ts";
import { dataCsv, parseCsvStrict, toObjects } from "./lib/csv.ts";
import { OFFICIAL_SPECS, ingestOfficialCsv } from "./lib/ingest.ts";
import { validatePackage, type TableInput } from "./lib/validate.ts";
import {
  OUTPUT_TABLES,
  checkDescriptor,
  csvDataRows,
  exportTextQuery,
  manifestJson,
  observationCells,
  stagingDdl,
  summaryText,
  typedDdl,
  type ManifestFile,
} from "./lib/build.ts";
import { makeZip } from "./lib/zip.ts";
import { TABLE_COLUMNS, formatError, type DataError, type TableName } from "./lib/types.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildOptions {
  dataDir?: string;
  outDir?: string;
  /** Label used for data files in messages, e.g. "data" → "data/observations.csv". */
  label?: string;
}

export interface BuildResult {
  ok: boolean;
  errors: DataError[];
  warnings: string[];
  summary: string;
  files: ManifestFile[];
}

async function readTable(path: string, file: string, errors: DataError[]): Promise<TableInput> {
  const empty: TableInput = { file, header: [], rows: [] };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    errors.push({ file, row: 0, column: "", message: "file not found" });
    return empty;
  }
  const dec = decodeBytes(bytes, file);
  if ("error" in dec) {
    errors.push(dec.error);
    return empty;
  }
  const parsed = parseCsvStrict(dec.text, file);
  if (!parsed.ok) {
    errors.push(...parsed.errors);
    return empty;
  }
  return { file, header: parsed.csv.header, rows: toObjects(parsed.csv) };
}

export async function buildData(opts: BuildOptions = {}): Promise<BuildResult> {
  const dataDir = resolve(opts.dataDir ?? join(ROOT, "data"));
  const outDir = resolve(opts.outDir ?? join(ROOT, "public", "data"));
  const label = opts.label ?? "data";
  const errors: DataError[] = [];
  const fail = (): BuildResult => ({
    ok: false,
    errors,
    warnings: [],
    summary: errors.map(formatError).join("\n"),
    files: [],
  });

  // 1. curated tables
  const t = {} as Record<TableName, TableInput>;
  for (const name of OUTPUT_TABLES)
    t[name] = await readTable(join(dataDir, `${name}.csv`), `${label}/${name}.csv`, errors);

  // 2. official files
  const rawDir = join(dataDir, "raw");
  const rawNames = (await readdir(rawDir).catch(() => [] as string[]))
    .filter((n) => n.toLowerCase().endsWith(".csv"))
    .sort();
  const ingested: TableInput[] = [];
  const rawBytes = new Map<string, Uint8Array>();
  for (const name of rawNames) {
    const file = `${label}/raw/${name}`;
    const spec = OFFICIAL_SPECS.find((s) => s.fileName.normalize("NFC") === name.normalize("NFC"));
    if (!spec) {
      errors.push({
        file,
        row: 0,
        column: "",
        message: "no declared header mapping for this official file (add one to scripts/lib/ingest.ts)",
      });
      continue;
    }
    const bytes = new Uint8Array(await readFile(join(rawDir, name)));
    rawBytes.set(name, bytes);
    const r = ingestOfficialCsv(bytes, file, spec);
    errors.push(...r.errors);
    ingested.push(r.table);
  }
  for (const spec of OFFICIAL_SPECS) {
    if (!rawNames.some((n) => n.normalize("NFC") === spec.fileName.normalize("NFC"))) {
      errors.push({
        file: `${label}/raw/${spec.fileName}`,
        row: 0,
        column: "",
        message: "declared official file is missing from data/raw/",
      });
    }
  }

  // 2b. UTF-8 transcodes shipped beside the untouched originals, for readers that cannot decode EUC-KR/CP949.
  // Each must be exactly its original decoded (a stale or hand-edited copy would be a second, silent source).
  const utf8Bytes = new Map<string, Uint8Array>();
  for (const name of rawNames) {
    const original = rawBytes.get(name);
    const copy = await readFile(join(rawDir, "utf-8", name)).catch(() => null);
    const file = `${label}/raw/utf-8/${name}`;
    if (!original) continue;
    if (!copy) {
      errors.push({ file, row: 0, column: "", message: "UTF-8 transcode of the official file is missing" });
      continue;
    }
    const dec = decodeBytes(original, file);
    const want = "error" in dec ? null : dec.text;
    if (want === null || new TextDecoder("utf-8", { fatal: false }).decode(copy) !== want || copy[0] === 0xef) {
      errors.push({ file, row: 0, column: "", message: `is not the UTF-8 transcode (no BOM) of raw/${name}` });
      continue;
    }
    utf8Bytes.set(name, new Uint8Array(copy));
  }

  // 3. descriptor
  let release = "";
  const dpFile = `${label}/datapackage.json`;
  let dpText = "";
  try {
    dpText = await readFile(join(dataDir, "datapackage.json"), "utf8");
    const d = checkDescriptor(JSON.parse(dpText), dpFile);
    errors.push(...d.errors);
    release = d.release;
  } catch (e) {
    errors.push({ file: dpFile, row: 0, column: "", message: `cannot read descriptor: ${(e as Error).message}` });
  }
  const readmeBytes = await readFile(join(dataDir, "README.md")).catch(() => null);
  if (!readmeBytes) errors.push({ file: `${label}/README.md`, row: 0, column: "", message: "file not found" });
  if (errors.length > 0) return fail();

  // 4. validation
  const v = validatePackage({
    sources: t.sources,
    series: t.series,
    observations: [t.observations, ...ingested],
    alternatives: t.alternatives,
    events: t.events,
    categories: t.categories,
  });
  if (v.errors.length > 0) {
    errors.push(...v.errors);
    return fail();
  }

  // 5. DuckDB: load with explicit types, export sorted CSVs (written by the one CSV writer)
  await mkdir(outDir, { recursive: true });
  for (const n of await readdir(outDir)) {
    if (
      /^dsc-stats-data-.*\.zip$/.test(n) ||
      n === "manifest.json" ||
      n === "datapackage.json" ||
      OUTPUT_TABLES.some((x) => `${x}.csv` === n)
    ) {
      await rm(join(outDir, n));
    }
  }
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    threads: "1",
  });
  const con = await instance.connect();
  try {
    for (const name of OUTPUT_TABLES) {
      await con.run(stagingDdl(name));
      const app = await con.createAppender(`stg_${name}`);
      const rows: string[][] =
        name === "observations"
          ? v.observations.map(observationCells)
          : t[name].rows.map((r) => TABLE_COLUMNS[name].map((c) => r.data[c] ?? ""));
      for (const cells of rows) {
        for (const c of cells) app.appendVarchar(c);
        app.endRow();
      }
      app.closeSync();
    }
    await con.run(typedDdl("categories"));
    for (const name of OUTPUT_TABLES) if (name !== "categories") await con.run(typedDdl(name));
    for (const name of OUTPUT_TABLES) {
      const rows = (await con.runAndReadAll(exportTextQuery(name))).getRows() as (string | null)[][];
      await writeFile(join(outDir, `${name}.csv`), dataCsv(TABLE_COLUMNS[name], rows));
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }

  // 6. descriptor copy, zip, manifest
  await writeFile(join(outDir, "datapackage.json"), dpText);
  const outputs = new Map<string, Uint8Array>();
  for (const name of OUTPUT_TABLES)
    outputs.set(`${name}.csv`, new Uint8Array(await readFile(join(outDir, `${name}.csv`))));
  outputs.set("datapackage.json", new TextEncoder().encode(dpText));
  const zipName = `dsc-stats-data-${release}.zip`;
  const zip = makeZip([
    ...OUTPUT_TABLES.map((n) => ({ name: `${n}.csv`, data: outputs.get(`${n}.csv`) ?? new Uint8Array() })),
    { name: "datapackage.json", data: outputs.get("datapackage.json") ?? new Uint8Array() },
    { name: "README.md", data: new Uint8Array(readmeBytes ?? []) },
    // Folder entries first: some readers (e.g. the Frictionless JS library) only create folders listed in the zip.
    { name: "raw/", data: new Uint8Array() },
    ...[...rawBytes].map(([n, data]) => ({ name: `raw/${n.normalize("NFC")}`, data })),
    ...(utf8Bytes.size ? [{ name: "raw/utf-8/", data: new Uint8Array() }] : []),
    ...[...utf8Bytes].map(([n, data]) => ({ name: `raw/utf-8/${n.normalize("NFC")}`, data })),
  ]);
  await writeFile(join(outDir, zipName), zip);
  outputs.set(zipName, zip);
  const sha = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");
  const files: ManifestFile[] = [...outputs].map(([name, data]) => ({
    name,
    rows: name.endsWith(".csv") ? csvDataRows(new TextDecoder().decode(data)) : null,
    sha256: sha(data),
    bytes: data.length,
  }));
  await writeFile(
    join(outDir, "manifest.json"),
    manifestJson(release, files, t.series.rows.length, t.sources.rows.length),
  );

  const summary = summaryText({
    release,
    observations: v.observations,
    seriesTopic: new Map(t.series.rows.map((r) => [r.data.series_id ?? "", r.data.topic ?? ""])),
    sources: t.sources.rows.length,
    alternatives: t.alternatives.rows.length,
    events: t.events.rows.length,
    warnings: v.warnings,
    files,
    outDir,
  });
  return { ok: true, errors: [], warnings: v.warnings, summary, files };
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const isMain = process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  buildData({ dataDir: argValue("--data"), outDir: argValue("--out") })
    .then((r) => {
      if (r.ok) {
        console.log(r.summary);
      } else {
        console.error(`data build failed with ${r.errors.length} error(s):`);
        console.error(r.summary);
        process.exitCode = 1;
      }
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
