/**
 * ≥ 1,000 deterministic, seeded malformed CSV inputs through the CSV ingest (scripts/lib): decode, strict
 * parse and the official-file ingest. Nothing may throw; every failure must come back as a typed, located
 * DataError (file, row, column, message); no input may take longer than the per-input time bound.
 * All inputs are SYNTHETIC.
 */
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../../scripts/lib/decode.ts";
import { parseCsvStrict } from "../../../scripts/lib/csv.ts";
import { HARM_BY_AGE_SPEC, SUPPORT_SPEC, ingestOfficialCsv } from "../../../scripts/lib/ingest.ts";
import type { DataError } from "../../../scripts/lib/types.ts";
import { generateMalformedCsv } from "../../fixtures/hostile/malformed-csv.ts";

const N = 1200;
// A hang or superlinear work (e.g. catastrophic backtracking) is what the time bound catches, not a slow machine:
// an input fails when it takes far longer per byte than the typical large input of the same run, plus a generous
// floor for loaded 2-CPU CI machines. (A fixed 750 ms bound failed on such machines with no fault.)
const FLOOR_MS = 2_000;
const TIMES_TYPICAL_RATE = 10;
const LARGE_BYTES = 64 * 1024;
const generate = () => generateMalformedCsv(N);

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
    const times: { name: string; bytes: number; ms: number }[] = [];
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
      times.push({ name, bytes: bytes.length, ms });
      if (ms > 60_000) throw new Error(`input ${name} took ${ms.toFixed(0)} ms`);
      for (const e of errors) {
        if (!isDataError(e)) throw new Error(`input ${name}: untyped error ${JSON.stringify(e).slice(0, 200)}`);
        expect(e.file).toBe(file);
      }
      if (errors.length) rejected++;
    }
    // The generator must actually produce broken input: most inputs are rejected with located errors.
    expect(rejected).toBeGreaterThan(inputs.length * 0.8);
    const rates = times
      .filter((x) => x.bytes > LARGE_BYTES)
      .map((x) => x.ms / x.bytes)
      .sort((a, b) => a - b);
    expect(rates.length).toBeGreaterThan(10);
    const typical = rates[Math.floor(rates.length / 2)]!;
    const slow = times.filter((x) => x.ms > FLOOR_MS + TIMES_TYPICAL_RATE * typical * x.bytes).map((x) => x.name);
    expect(slow, `inputs far slower per byte than typical (${(typical * 1024).toFixed(2)} ms/KB)`).toEqual([]);
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
