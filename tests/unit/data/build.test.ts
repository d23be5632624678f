import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { buildData } from "../../../scripts/build-data.ts";
import { OBSERVATION_COLUMNS } from "../../../scripts/lib/types.ts";
import { makeZip, crc32 } from "../../../scripts/lib/zip.ts";

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), "dsc-data-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("build of the real data package", () => {
  let out = "";
  let con: Awaited<ReturnType<DuckDBInstance["connect"]>>;
  let instance: DuckDBInstance;

  beforeAll(async () => {
    out = tmp();
    const r = await buildData({ outDir: out });
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    instance = await DuckDBInstance.create(":memory:", {
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
    });
    con = await instance.connect();
    await con.run(
      `CREATE TABLE o AS SELECT * FROM read_csv('${join(out, "observations.csv")}', header = true, all_varchar = true)`,
    );
  });
  afterAll(() => {
    con?.closeSync();
    instance?.closeSync();
  });

  async function one(where: string, col = "value"): Promise<string | null> {
    const rows = (await con.runAndReadAll(`SELECT ${col} FROM o WHERE ${where}`)).getRows();
    expect(rows, where).toHaveLength(1);
    const v = rows[0]?.[0];
    return v === null || v === undefined ? null : String(v);
  }

  it("writes observations.csv with exactly the contract columns", () => {
    const header = readFileSync(join(out, "observations.csv"), "utf8").split("\n")[0];
    expect(header).toBe(OBSERVATION_COLUMNS.join(","));
  });

  it("writes UTF-8 with LF and no BOM", () => {
    for (const f of [
      "observations.csv",
      "series.csv",
      "sources.csv",
      "events.csv",
      "alternatives.csv",
      "categories.csv",
    ]) {
      const b = readFileSync(join(out, f));
      expect(b[0], f).not.toBe(0xef);
      expect(b.includes(0x0d), f).toBe(false);
    }
  });

  const figures: [string, string, string][] = [
    ["DSC victims 2024", "series_id='dsc_victims' AND period='2024' AND dimension='total'", "10305"],
    ["DSC victims 2023", "series_id='dsc_victims' AND period='2023' AND dimension='total'", "8983"],
    ["DSC male victims 2024", "series_id='dsc_victims_by_sex' AND period='2024' AND category='male'", "2877"],
    ["synthesis/editing 2024", "series_id='dsc_harm_types' AND period='2024' AND category='synthesis_editing'", "1384"],
    ["synthesis/editing 2023", "series_id='dsc_harm_types' AND period='2023' AND category='synthesis_editing'", "423"],
    [
      "taskforce year",
      "series_id='dsc_deepfake_taskforce' AND period='2024-08-26/2025-08-25' AND dimension='total'",
      "1807",
    ],
    [
      "year before taskforce",
      "series_id='dsc_deepfake_taskforce' AND period='2023-08-01/2024-07-31' AND dimension='total'",
      "793",
    ],
    ["deletion support 2024", "series_id='dsc_support_cases' AND period='2024' AND category='deletion'", "300237"],
    ["KNPA deepfake cases 2024", "series_id='knpa_deepfake_cases' AND period='2024' AND dimension='total'", "1202"],
    [
      "KCSC deepfake requests 2024",
      "series_id='kcsc_deepfake_requests' AND period='2024' AND dimension='total'",
      "23107",
    ],
  ];
  for (const [name, where, want] of figures) {
    it(`has ${name} = ${want}`, async () => {
      expect(await one(where)).toBe(want);
    });
  }

  it("has the published shares: 27.9% male (2024), 97.1% female in the taskforce year", async () => {
    expect(Number(await one("series_id='dsc_victims_by_sex' AND period='2024' AND category='male'", "share"))).toBe(
      27.9,
    );
    expect(
      Number(
        await one(
          "series_id='dsc_deepfake_taskforce' AND period='2024-08-26/2025-08-25' AND category='female'",
          "share",
        ),
      ),
    ).toBe(97.1);
  });

  it("keeps gaps as NULL rows and series breaks", async () => {
    // 2013 of this series was a gap until the 2000–2020 police table filled it (see long-view.test.ts).
    expect(await one("series_id='kcsc_dsc_requests' AND period='2021'")).toBeNull();
    expect(await one("series_id='knpa_illegal_filming_cases' AND period='2013'")).toBe("4813");
    expect(await one("series_id='knpa_illegal_filming_cases' AND period='2024'", "break_before")).toBe("true");
    expect(await one("series_id='uk_rph_cases' AND period='2023'", "qualifier")).toBe("≈");
    expect(await one("series_id='us_ncmec_financial_sextortion' AND period='2024-H1'", "partial")).toBe("true");
  });

  it("writes a manifest whose hashes and row counts match the files", async () => {
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
      release: string;
      files: { name: string; rows: number | null; sha256: string; bytes: number }[];
      series: number;
      sources: number;
    };
    expect(m.release).toMatch(/^\d+\.\d+\.\d+$/);
    expect(m.files.map((f) => f.name)).toContain(`dsc-stats-data-${m.release}.zip`);
    const { createHash } = await import("node:crypto");
    for (const f of m.files) {
      const b = readFileSync(join(out, f.name));
      expect(createHash("sha256").update(b).digest("hex"), f.name).toBe(f.sha256);
      expect(b.length).toBe(f.bytes);
    }
    const obsRows = (await con.runAndReadAll("SELECT count(*) FROM o")).getRows()[0]?.[0];
    expect(m.files.find((f) => f.name === "observations.csv")?.rows).toBe(Number(obsRows));
    expect(m.series).toBeGreaterThanOrEqual(25);
  });

  it("builds byte-identical output twice", async () => {
    const a = tmp();
    const b = tmp();
    expect((await buildData({ outDir: a })).ok).toBe(true);
    expect((await buildData({ outDir: b })).ok).toBe(true);
    const names = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(9);
    for (const n of names) expect(readFileSync(join(a, n)).equals(readFileSync(join(b, n))), n).toBe(true);
  });
});

describe("zip writer", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
  it("is deterministic and holds the entries", () => {
    const entries = [
      { name: "a.csv", data: new TextEncoder().encode("x\n") },
      { name: "raw/한글.csv", data: new Uint8Array([0xb1, 0xe2]) },
    ];
    const z1 = makeZip(entries);
    expect(Buffer.from(makeZip(entries)).equals(Buffer.from(z1))).toBe(true);
    expect(new DataView(z1.buffer).getUint32(0, true)).toBe(0x04034b50);
  });
});
