// The floor for the explore page's CSV loading: DuckDB-WASM's own read_csv on registered bytes, run in the same
// page with the site's own DuckDB worker and wasm (driven through the worker's message protocol, so nothing of
// the page's code is involved). Shared by `npm run bench` and tests/browser/explore-korean.test.ts.

/** The synthetic file both sides load (same text in Node and in the page). */
export function syntheticCsv(rows) {
  const lines = ["id,grp,amount,day"];
  for (let i = 0; i < rows; i++)
    lines.push(`${i},g${i % 7},${(i % 1000) / 10},2024-01-${String((i % 28) + 1).padStart(2, "0")}`);
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Runs in the page (pass to page.evaluate). Builds the same synthetic text, registers its bytes with a fresh
 * engine and times `CREATE TABLE … AS SELECT * FROM read_csv(…)`. Returns { ms, bytes }.
 */
export async function floorInPage({ worker, wasm, rows, gen }) {
  const make = new Function(`return (${gen})`)();
  const bytes = new TextEncoder().encode(make(rows));
  // Read before the transfer below detaches the buffer.
  const size = bytes.byteLength;
  const w = new Worker(worker);
  let next = 0;
  const pending = new Map();
  w.onmessage = (e) => {
    const m = e.data;
    if (m.type === "LOG" || m.type === "INSTANTIATE_PROGRESS" || m.type === "PROGRESS_UPDATE") return;
    const p = pending.get(m.requestId);
    if (!p) return;
    pending.delete(m.requestId);
    if (m.type === "ERROR") p.reject(new Error(m.data.message));
    else p.resolve(m.data);
  };
  const call = (type, data, transfer = []) =>
    new Promise((resolve, reject) => {
      const messageId = next++;
      pending.set(messageId, { resolve, reject });
      w.postMessage({ messageId, type, data }, transfer);
    });
  try {
    await call("INSTANTIATE", [new URL(wasm, location.href).href, null]);
    const conn = await call("CONNECT", null);
    await call("REGISTER_FILE_BUFFER", ["/floor.csv", bytes], [bytes.buffer]);
    const t0 = performance.now();
    await call("RUN_QUERY", [conn, "CREATE TABLE f AS SELECT * FROM read_csv('/floor.csv')"]);
    const ms = performance.now() - t0;
    return { ms, bytes: size };
  } finally {
    w.terminate();
  }
}
