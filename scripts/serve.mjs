// Serve the built site (dist/) on http://127.0.0.1:4321 with the headers a real host should send: precompressed
// brotli/gzip, correct MIME types, the Content-Security-Policy with frame-ancestors (embeds only may be framed),
// long caching for hashed assets, HEAD and byte ranges. For previewing on this machine only: host the site with
// nginx or a static host (docs/deploy.md), not with this script.
// Usage: node scripts/serve.mjs [--port N] [--host H] [--dir dist]   (--port 0 picks a free port)
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSiteServer } from "./lib/static-server.mjs";

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const PORT = Number(opt("port", process.env.PORT ?? 4321));
const HOST = opt("host", "127.0.0.1");
const ROOT = path.resolve(opt("dir", path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist")));

if (!existsSync(path.join(ROOT, "index.html"))) {
  console.error(`serve: ${ROOT}/index.html not found. Build first: npm run build`);
  process.exit(1);
}

const server = createSiteServer(ROOT);
server.on("error", (err) => {
  console.error(`serve: cannot listen on ${HOST}:${PORT}: ${err.message}`);
  process.exit(1);
});
server.listen(PORT, HOST, () => {
  const a = server.address();
  const port = typeof a === "object" && a ? a.port : PORT;
  console.log(`dsc-stats is served at http://${HOST}:${port}/ (from ${ROOT})`);
});
