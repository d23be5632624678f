import { describe, expect, it } from "vitest";
import { Field, Int32, Schema, Utf8 } from "apache-arrow";
import { linearAssign, originalAssign } from "../../../src/db/arrow-schema";

const field = (name: string, meta: [string, string][] = [], nullable = false) =>
  new Field(name, name.startsWith("s") ? new Utf8() : new Int32(), nullable, new Map(meta));
const view = (s: Schema) => ({
  fields: s.fields.map((f) => ({ name: f.name, type: String(f.type), nullable: f.nullable, meta: [...f.metadata] })),
  meta: [...s.metadata],
  dicts: [...s.dictionaries.keys()],
});

describe("Arrow's Schema.assign in linear time", () => {
  it("is installed on Arrow's Schema", () => {
    expect(Schema.prototype.assign).toBe(linearAssign);
  });

  it("gives what Arrow's own assign gives, repeated names and metadata included", () => {
    const base = new Schema(
      [field("a", [["k", "1"]]), field("s"), field("a", [["k", "2"]]), field("b")],
      new Map([["m", "x"]]),
    );
    const cases: unknown[][] = [
      [[field("a", [["j", "3"]], true), field("b", [], true)]],
      [new Schema([field("s", [["k", "9"]])], new Map([["m", "y"]]))],
      [field("b", [], true), field("a")],
      [[...base.fields].map((f) => f.clone({ nullable: true }))],
      // Adds a field: left to Arrow's code.
      [[field("new"), field("a")]],
    ];
    for (const args of cases)
      expect(view(linearAssign.apply(base, args))).toEqual(view(originalAssign.apply(base, args)));
  });

  it("re-assigns wide schemas (as every record batch does) in time that grows linearly with the columns", () => {
    // Best of three at 20,000 and 60,000 columns: three times the columns takes about three times as long
    // (Arrow's findIndex matching: nine times, 1.8 billion name comparisons at 60,000). A ratio, not a clock
    // bound, so a busy machine does not decide the outcome.
    const time = (n: number) => {
      const wide = new Schema(Array.from({ length: n }, (_, i) => field(`c${i}`)));
      const clones = wide.fields.map((f) => f.clone({ nullable: true }));
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        const out = wide.assign(clones);
        best = Math.min(best, performance.now() - t0);
        expect(out.fields.length).toBe(n);
        expect(out.fields.every((f) => f.nullable)).toBe(true);
      }
      return best;
    };
    const small = time(20_000);
    const large = time(60_000);
    expect(large / small).toBeLessThan(6);
  });
});
