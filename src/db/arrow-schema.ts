/**
 * Apache Arrow JS (17, DuckDB-WASM's) builds every record batch through `Schema.assign`, which matches the
 * batch's fields to the schema's by name with one `findIndex` per field: quadratic in the number of columns.
 * A 20,001-column result (a 133-character PIVOT link) then spends about 5 s of the page's main thread on each
 * batch before the console sees it. This module swaps the matching for a map, with the same result: the
 * first field of a name is the one replaced (as `findIndex` finds it), metadata merged the same way, same
 * order. A call that adds fields the schema lacks is left to Arrow's own code. Imported for its effect by
 * ./client, before any result is read.
 */
import { Field, Schema } from "apache-arrow";

type Metadata = Map<string, string> | null | undefined;
const merge = (a: Metadata, b: Metadata) => new Map([...(a ?? []), ...(b ?? [])]);

const arrowAssign = Schema.prototype.assign as (this: Schema, ...args: unknown[]) => Schema;

/** Schema.assign in linear time (see the module comment); falls back to Arrow's when fields are added. */
export function linearAssign(this: Schema, ...args: unknown[]): Schema {
  const other =
    args[0] instanceof Schema ? args[0] : new Schema(Array.isArray(args[0]) ? (args[0] as Field[]) : (args as Field[]));
  const first = new Map<string, number>();
  this.fields.forEach((f, i) => {
    if (!first.has(f.name)) first.set(f.name, i);
  });
  if (!other.fields.every((f) => first.has(f.name))) return arrowAssign.apply(this, args);
  const fields = [...this.fields];
  for (const f of other.fields) {
    const i = first.get(f.name)!;
    fields[i] = f.clone({ metadata: merge(merge(new Map(), fields[i]!.metadata), f.metadata) });
  }
  // No field was added, so no dictionary either: Arrow's own code would also keep exactly these.
  return new Schema(fields, merge(merge(new Map(), this.metadata), other.metadata), new Map(this.dictionaries));
}

/** Arrow's original, for comparison in tests. */
export const originalAssign = arrowAssign;

(Schema.prototype as unknown as { assign: typeof linearAssign }).assign = linearAssign;
