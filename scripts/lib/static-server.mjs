// The static file server behind `npm start` (scripts/serve.mjs), as a module so tests can start it and call its
// pure parts. A LOCAL PREVIEW server: it sends the headers a real host should send, but production hosting is
// nginx / Netlify / Cloudflare (docs/deploy.md).
//
// Every request path goes through one function, resolveRequestPath(): it decodes the path once, refuses what
// cannot be decoded (400), normalises the dot segments *after* decoding (so `..%2F` is a dot segment like `../`),
// and the result is both the file that is served and the path the header rules (framing!) are decided on. A file
// is only served when path.relative(root, realpath(file)) stays inside the root — no sibling folders that share
// the root's name prefix (dist-private/), no symlinks out of it.
import { createServer } from "node:http";
import { createReadStream, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { headersFor } from "./site-headers.mjs";

export const TYPES = {
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

/**
 * The normalised URL path of a raw request target, or null when it is malformed: not origin-form (`/…`),
 * undecodable percent-escapes (`//%zz/`), or a NUL byte. The result always starts with `/`, has no `.`/`..`
 * segments and no repeated slashes; a trailing slash is kept (it decides directory redirects).
 */
export function resolveRequestPath(rawUrl) {
  if (typeof rawUrl !== "string" || !rawUrl.startsWith("/")) return null;
  const rawPath = rawUrl.replace(/[?#].*$/s, "");
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  // posix.normalize on an absolute path cannot climb above "/": "/a/../../b" → "/b".
  const norm = path.posix.normalize(decoded);
  return norm === "/." ? "/" : norm;
}

/** Percent-encode a normalised path for a Location header (each segment; `/` kept). */
export function encodePath(p) {
  return p.split("/").map(encodeURIComponent).join("/");
}

/** The query part of a raw request target (with its `?`), or "". */
function queryOf(rawUrl) {
  const i = rawUrl.indexOf("?");
  if (i < 0) return "";
  const q = rawUrl.slice(i).replace(/#.*$/s, "");
  return q;
}

/** The real file path for a normalised URL path if it is a regular file inside root, else null. */
export function fileInside(root, urlPath) {
  const full = path.join(root, urlPath);
  const rel = path.relative(root, full);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  try {
    const real = realpathSync(full);
    const realRel = path.relative(realpathSync(root), real);
    if (realRel.startsWith("..") || path.isAbsolute(realRel)) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * A `Range` header against a body of `size` bytes: {start, end} (inclusive) for one satisfiable range,
 * "unsatisfiable" (→ 416), or null when the header is absent, malformed or asks for several ranges (→ the whole
 * body with 200, which RFC 9110 allows).
 */
export function parseRange(header, size) {
  if (typeof header !== "string") return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return null;
  const [, a, b] = m;
  if (a === "" && b === "") return null;
  if (a === "") {
    const n = Number(b);
    if (n === 0) return "unsatisfiable";
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
  if (b !== "" && Number(b) < start) return null; // syntactically invalid range: ignore the header
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

/** Headers every response carries, also errors and redirects (they have no page of their own to protect). */
function baseHeaders() {
  const h = { ...headersFor("/") };
  h["Cache-Control"] = "no-store";
  return h;
}

function plain(res, status, text, extra = {}) {
  res.writeHead(status, {
    ...baseHeaders(),
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
    ...extra,
  });
  res.end(text);
}

/** Handle one request. Throws only on programming errors; the caller turns those into a 500. */
function handle(root, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    plain(res, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
    return;
  }
  const rawUrl = req.url ?? "/";
  const urlPath = resolveRequestPath(rawUrl);
  if (urlPath === null) {
    plain(res, 400, "Bad request: malformed URL\n");
    return;
  }
  let file = fileInside(root, urlPath);
  let servedPath = urlPath;
  if (!file && !urlPath.endsWith("/") && fileInside(root, `${urlPath}/index.html`)) {
    // A directory without its trailing slash: redirect, as static hosts do (to the normalised path).
    plain(res, 301, "Moved\n", { Location: `${encodePath(urlPath)}/${queryOf(rawUrl)}` });
    return;
  }
  if (!file && urlPath.endsWith("/")) {
    file = fileInside(root, `${urlPath}index.html`);
  }
  let status = 200;
  if (!file) {
    status = 404;
    file = fileInside(root, "/404.html");
    servedPath = urlPath;
  }
  const headers = {
    "Content-Type": TYPES[path.extname(file ?? "")] ?? "application/octet-stream",
    Vary: "Accept-Encoding",
    // Decided on the normalised path: `/en/embed/..%2F..%2Fen/explore/` gets the explore page's rules.
    ...headersFor(servedPath),
  };
  if (!file) {
    const text = "Not found\n";
    res.writeHead(404, {
      ...headers,
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(text)),
    });
    res.end(req.method === "HEAD" ? undefined : text);
    return;
  }
  const accept = String(req.headers["accept-encoding"] ?? "");
  let body = file;
  const br = /\bbr\b/.test(accept) && fileInside(root, `${path.relative(root, file).split(path.sep).join("/")}.br`);
  const gz =
    !br && /\bgzip\b/.test(accept) && fileInside(root, `${path.relative(root, file).split(path.sep).join("/")}.gz`);
  if (br) {
    body = br;
    headers["Content-Encoding"] = "br";
  } else if (gz) {
    body = gz;
    headers["Content-Encoding"] = "gzip";
  }
  const size = statSync(body).size;
  let start = 0;
  let end = size - 1;
  if (status === 200) {
    headers["Accept-Ranges"] = "bytes";
    // If-Range would need a validator to compare; without one the whole body is always correct.
    const range = req.headers["if-range"] === undefined ? parseRange(req.headers.range, size) : null;
    if (range === "unsatisfiable") {
      plain(res, 416, "Range not satisfiable\n", { "Content-Range": `bytes */${size}`, "Accept-Ranges": "bytes" });
      return;
    }
    if (range) {
      status = 206;
      ({ start, end } = range);
      headers["Content-Range"] = `bytes ${start}-${end}/${size}`;
    }
  }
  headers["Content-Length"] = String(size === 0 ? 0 : end - start + 1);
  res.writeHead(status, headers);
  if (req.method === "HEAD" || size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(body, { start, end });
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

/** An http.Server for the built site in `root` (absolute). Never dies on a request. */
export function createSiteServer(root) {
  const server = createServer((req, res) => {
    try {
      handle(root, req, res);
    } catch (e) {
      console.error(`serve: ${req.method} ${JSON.stringify(req.url)}: ${e instanceof Error ? e.message : e}`);
      if (!res.headersSent) plain(res, 500, "Internal error\n");
      else res.destroy();
    }
  });
  // Requests Node cannot even parse: answer 400 and close, as Node does by default, but never throw.
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  // CONNECT and Upgrade requests never reach the request handler; without these listeners Node drops the socket.
  const refuse = (_req, socket) => {
    socket.on("error", () => socket.destroy());
    socket.end("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  };
  server.on("connect", refuse);
  server.on("upgrade", refuse);
  return server;
}
