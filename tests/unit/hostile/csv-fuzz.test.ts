/**
 * ≥ 1,000 deterministic, seeded malformed CSV inputs through the CSV ingest (scripts/lib): decode, strict
 * parse and the official-file ingest. Nothing may throw; every failure must come back as a typed, located
 * DataError (file, row, column, message); no input may take longer than the per-input time bound.
 * All inputs are SYNTHETIC.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../../scripts/lib/decode.ts";
import { parseCsvStrict } from "../../../scripts/lib/csv.ts";
import { HARM_BY_AGE_SPEC, SUPPORT_SPEC, ingestOfficialCsv } from "../../../scripts/lib/ingest.ts";
import type { DataError } from "../../../scripts/lib/types.ts";

const N = 1200;
const PER_INPUT_MS = 750;

/** mulberry32: small deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = new TextEncoder();
const cat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

const seeds: Uint8Array[] = [
  // Copies: Buffer#slice is a view, and the mutators must never change a seed.
  new Uint8Array(readFileSync("tests/fixtures/data/synthetic-harm-by-age-cp949-lf.csv")),
  new Uint8Array(readFileSync("tests/fixtures/data/synthetic-support-utf8-bom-crlf.csv")),
  new Uint8Array(readFileSync("tests/fixtures/data/synthetic-plain-utf8.csv")),
  enc.encode("기간,지원건수(건),상담 지원(건),삭제 지원(건),수사_법률지원(건),의료지원(건)\n2018년,1,2,3,4,5\n"),
];

type Mutator = (b: Uint8Array, r: () => number) => Uint8Array;
const int = (r: () => number, n: number) => Math.floor(r() * n);

const MUTATORS: Record<string, Mutator> = {
  truncate: (b, r) => b.subarray(0, int(r, b.length + 1)),
  randomBytes: (b, r) => {
    const c = b.slice();
    for (let i = 0, k = 1 + int(r, 20); i < k && c.length; i++) c[int(r, c.length)] = int(r, 256);
    return c;
  },
  pureNoise: (_b, r) => Uint8Array.from({ length: int(r, 4096) }, () => int(r, 256)),
  nuls: (b, r) => {
    const c = Array.from(b);
    for (let i = 0, k = 1 + int(r, 10); i < k; i++) c.splice(int(r, c.length + 1), 0, 0);
    return Uint8Array.from(c);
  },
  raggedRows: (b, r) => {
    const lines = new TextDecoder("utf-8").decode(b).split("\n");
    const i = int(r, lines.length);
    lines[i] = r() < 0.5 ? `${lines[i] ?? ""},extra,cells` : (lines[i] ?? "").split(",").slice(0, 1).join(",");
    return enc.encode(lines.join("\n"));
  },
  badQuotes: (b, r) => {
    const c = Array.from(b);
    for (let i = 0, k = 1 + int(r, 5); i < k; i++) c.splice(int(r, c.length + 1), 0, 0x22);
    return Uint8Array.from(c);
  },
  invalidCp949: (b, r) => {
    // 0x80 and 0xFF are not valid lead bytes in CP949 and a lone lead byte without a trail byte is invalid.
    const bad = [[0x80], [0xff], [0xc8], [0xa1, 0x00], [0xfe, 0xfe]][int(r, 5)]!;
    const at = int(r, b.length + 1);
    return cat(b.subarray(0, at), Uint8Array.from(bad), b.subarray(at));
  },
  hugeField: (b, r) => {
    const size = [10_000, 100_000, 1_000_000][int(r, 3)]!;
    const fill = r() < 0.5 ? "9" : '"';
    return cat(b, enc.encode(`2019년,${fill.repeat(size)},1,2,3,4\n`));
  },
  bomVariants: (b, r) => {
    const boms = [
      [0xef, 0xbb, 0xbf],
      [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf],
      [0xfe, 0xff],
      [0xff, 0xfe],
      [0xff, 0xfe, 0x00, 0x00],
      [0xef, 0xbb],
    ];
    return cat(Uint8Array.from(boms[int(r, boms.length)]!), b);
  },
  lineEndings: (b, r) => {
    const s = new TextDecoder("utf-8").decode(b);
    const nl = ["\r", "\r\n", "\n\r", "\u2028", "\r\r\n"][int(r, 5)]!;
    return enc.encode(s.replace(/\r?\n/g, nl));
  },
  manyColumns: (_b, r) => {
    const cols = 1 + int(r, 5000);
    return enc.encode(`${Array.from({ length: cols }, (_, i) => `c${i}`).join(",")}\n${"1,".repeat(cols)}\n`);
  },
  manyRows: (b, r) => {
    const rows = int(r, 5_000);
    return cat(b, enc.encode("2020년,1,2,3,4,5\n".repeat(rows)));
  },
  onlyDelimiters: (_b, r) => enc.encode([",", "\n", '"', "\r", ";", "\t"].map((s) => s.repeat(int(r, 200))).join("")),
  duplicateHeader: (b) => {
    const s = new TextDecoder("utf-8").decode(b);
    const nl = s.indexOf("\n");
    const head = nl >= 0 ? s.slice(0, nl) : s;
    return enc.encode(`${head},${head.split(",")[0] ?? ""}${nl >= 0 ? s.slice(nl) : ""}`);
  },
  hostileText: (b, r) => {
    const payloads = ["<script>alert(1)</script>", "=cmd|' /C calc'!A0", "'; DROP TABLE x; --", "\u202e", "\u0000"];
    return cat(b, enc.encode(`${payloads[int(r, payloads.length)]},1,2\n`));
  },
  empty: () => new Uint8Array(0),
};

function isDataError(e: DataError): boolean {
  return (
    typeof e.file === "string" &&
    e.file.length > 0 &&
    Number.isInteger(e.row) &&
    e.row >= 0 &&
    typeof e.column === "string" &&
    typeof e.message === "string" &&
    e.message.length > 0
  );
}

function generate(): { name: string; bytes: Uint8Array }[] {
  const r = rng(20241231);
  const names = Object.keys(MUTATORS);
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < N; i++) {
    const name = names[i % names.length]!;
    let bytes = seeds[int(r, seeds.length)]!;
    bytes = MUTATORS[name]!(bytes, r);
    // A second, random mutation on a third of the inputs combines faults.
    if (r() < 0.33) bytes = MUTATORS[names[int(r, names.length)]!]!(bytes, r);
    out.push({ name: `${i}-${name}`, bytes });
  }
  return out;
}

describe("malformed CSV inputs through the ingest (seeded, deterministic)", () => {
  const inputs = generate();

  it(`generates ≥ 1,000 distinct inputs deterministically`, () => {
    expect(inputs.length).toBeGreaterThanOrEqual(1000);
    const again = generate();
    expect(again.map((x) => x.bytes.length)).toEqual(inputs.map((x) => x.bytes.length));
    const distinct = new Set(inputs.map((x) => Buffer.from(x.bytes).toString("base64")));
    expect(distinct.size).toBeGreaterThan(900);
  });

  it("never throws, reports only located DataErrors and stays within the time bound", () => {
    let rejected = 0;
    let slowest = 0;
    for (const { name, bytes } of inputs) {
      const file = `fuzz-${name}.csv`;
      const t0 = performance.now();
      const errors: DataError[] = [];
      try {
        const d = decodeBytes(bytes, file);
        if ("error" in d) errors.push(d.error);
        else {
          const p = parseCsvStrict(d.text, file);
          if (!p.ok) errors.push(...p.errors);
        }
        for (const spec of [SUPPORT_SPEC, HARM_BY_AGE_SPEC]) {
          const res = ingestOfficialCsv(bytes, file, spec);
          errors.push(...res.errors);
          for (const row of res.table.rows)
            if (!Number.isSafeInteger(Number(row.data.value)))
              throw new Error(`accepted a value that is not a safe integer: ${String(row.data.value).slice(0, 40)}…`);
        }
      } catch (e) {
        throw new Error(`input ${name} threw: ${(e as Error).message}`);
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      if (ms > PER_INPUT_MS) throw new Error(`input ${name} took ${ms.toFixed(0)} ms (> ${PER_INPUT_MS} ms)`);
      for (const e of errors) {
        if (!isDataError(e)) throw new Error(`input ${name}: untyped error ${JSON.stringify(e).slice(0, 200)}`);
        expect(e.file).toBe(file);
      }
      if (errors.length) rejected++;
    }
    // The generator must actually produce broken input: most inputs are rejected with located errors.
    expect(rejected).toBeGreaterThan(inputs.length * 0.8);
    expect(slowest).toBeLessThan(PER_INPUT_MS);
  }, 300_000);

  it("rejects specific faults with the row and column that caused them", () => {
    const ragged = parseCsvStrict("a,b,c\n1,2,3\n4,5\n", "f.csv");
    expect(ragged.ok).toBe(false);
    if (!ragged.ok) expect(ragged.errors[0]).toMatchObject({ file: "f.csv", row: 3, column: "c" });
    const badCp949 = decodeBytes(Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xff]), "g.csv");
    expect("error" in badCp949 && badCp949.error).toMatchObject({ file: "g.csv", row: 2 });
    const quote = parseCsvStrict('a,b\n1,"2\n', "h.csv");
    expect(quote.ok).toBe(false);
  });
});
