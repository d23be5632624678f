// Serve the built site (dist/) on http://127.0.0.1:4321 with the headers a real host should send: precompressed
// brotli/gzip, correct MIME types, the Content-Security-Policy with frame-ancestors (embeds only may be framed),
// and long caching for hashed assets. Usage: node scripts/serve.mjs [--port N] [--host H] [--dir dist]
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { headersFor } from "./lib/site-headers.mjs";

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const PORT = Number(opt("port", process.env.PORT ?? 4321));
const HOST = opt("host", "127.0.0.1");
const ROOT = path.resolve(opt("dir", path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist")));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

if (!existsSync(path.join(ROOT, "index.html"))) {
  console.error(`serve: ${ROOT}/index.html not found. Build first: npm run build`);
  process.exit(1);
}

function resolveFile(urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.normalize(path.join(ROOT, p));
  if (!full.startsWith(ROOT)) return null;
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = path.join(full, "index.html");
  if (existsSync(index)) return index;
  return null;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  // Directory URLs without a trailing slash redirect, as static hosts do.
  if (!path.extname(url.pathname) && !url.pathname.endsWith("/")) {
    const f = resolveFile(url.pathname);
    if (f) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
  }
  const file = resolveFile(url.pathname);
  const status = file ? 200 : 404;
  const target = file ?? path.join(ROOT, "404.html");
  const ext = path.extname(target);
  const headers = {
    "Content-Type": TYPES[ext] ?? "application/octet-stream",
    Vary: "Accept-Encoding",
    ...headersFor(url.pathname),
  };
  const accept = String(req.headers["accept-encoding"] ?? "");
  let body;
  if (/\bbr\b/.test(accept) && existsSync(`${target}.br`)) {
    body = readFileSync(`${target}.br`);
    headers["Content-Encoding"] = "br";
  } else if (/\bgzip\b/.test(accept) && existsSync(`${target}.gz`)) {
    body = readFileSync(`${target}.gz`);
    headers["Content-Encoding"] = "gzip";
  } else if (existsSync(target)) {
    body = readFileSync(target);
  } else {
    body = Buffer.from("Not found");
    headers["Content-Type"] = "text/plain; charset=utf-8";
  }
  headers["Content-Length"] = String(body.length);
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
});

server.on("error", (err) => {
  console.error(`serve: cannot listen on ${HOST}:${PORT}: ${err.message}`);
  process.exit(1);
});
server.listen(PORT, HOST, () => {
  console.log(`dsc-stats is served at http://${HOST}:${PORT}/ (from ${ROOT})`);
});
