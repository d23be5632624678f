// Precompress text and wasm assets in dist/ (brotli + gzip) so any static server, and `npm start`, can send
// them compressed. Deterministic: same input, same bytes.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const DIST = path.resolve(process.argv[2] ?? "dist");
const EXT = /\.(html|js|mjs|css|svg|json|csv|wasm|txt|xml|map)$/;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

let n = 0;
let raw = 0;
let br = 0;
for (const file of walk(DIST)) {
  if (!EXT.test(file)) continue;
  const buf = readFileSync(file);
  if (buf.length < 512) continue;
  const b = zlib.brotliCompressSync(buf, {
    // Quality 11 is slow on the 34 MB wasm files (minutes); 9 is within ~10% of its size in seconds.
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: buf.length > 2e6 ? 9 : 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
  const g = zlib.gzipSync(buf, { level: 9 });
  writeFileSync(`${file}.br`, b);
  writeFileSync(`${file}.gz`, g);
  n++;
  raw += buf.length;
  br += b.length;
}
console.log(`compress-dist: ${n} files, ${(raw / 1e6).toFixed(1)} MB raw → ${(br / 1e6).toFixed(1)} MB brotli`);
