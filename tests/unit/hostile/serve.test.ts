/**
 * scripts/serve.mjs on loopback, fed raw request lines over a socket (a browser or fetch() would normalise them
 * first). The served root has hostile neighbours: a sibling folder whose name starts with the root's name
 * (dist-private/), a secret in the parent folder, and a symlink from inside the root to the sibling. Every
 * reproduction of the security review (F5, F6, F7 and serve.mjs items of F12) is a case here; the fuzz test sends a
 * few thousand generated request lines and checks the process stays up and never sends a byte from outside.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRange, resolveRequestPath } from "../../../scripts/lib/static-server.mjs";

const SECRET = "TOP-SECRET-SIBLING-7f3a";
const SERVE = process.env.DSC_SERVE_SCRIPT ?? "scripts/serve.mjs";

let dir = "";
let root = "";
let port = 0;
let child: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

/** Send `request` verbatim and read until the server closes (or `ms` pass). */
function raw(request: string | Buffer, ms = 3000): Promise<Raw> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const sock = connect(port, "127.0.0.1");
    const done = () => {
      clearTimeout(timer);
      sock.destroy();
      const all = Buffer.concat(chunks);
      const sep = all.indexOf("\r\n\r\n");
      const head = (sep >= 0 ? all.subarray(0, sep) : all).toString("latin1");
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(":");
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      const body = sep >= 0 ? all.subarray(sep + 4) : Buffer.alloc(0);
      resolve({ status: Number(statusLine.split(" ")[1] ?? 0), headers, body, text: all.toString("latin1") });
    };
    const timer = setTimeout(done, ms);
    sock.on("data", (b) => chunks.push(b));
    sock.on("end", done);
    sock.on("error", done);
    sock.write(request);
  });
}

const get = (target: string, extra = "", method = "GET") =>
  raw(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "dsc-serve-"));
  root = path.join(dir, "dist");
  const page = (p: string, body: string) => {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), body);
  };
  page("index.html", "<!doctype html><title>home</title>");
  page("en/explore/index.html", "<!doctype html><title>explore</title>");
  page("ko/trends/index.html", "<!doctype html><title>trends</title>");
  page("en/embed/c/index.html", "<!doctype html><title>embed</title>");
  page("_headers", "# headers\n");
  page("data/digits.txt", "0123456789");
  page("data/empty.txt", "");
  page("data/page.html", "plain");
  page("data/page.html.br", "BROTLI-BYTES");
  mkdirSync(path.join(dir, "dist-private"));
  writeFileSync(path.join(dir, "dist-private", "secret.txt"), SECRET);
  writeFileSync(path.join(dir, "secret.txt"), SECRET);
  writeFileSync(path.join(dir, "dist.env"), SECRET);
  symlinkSync(path.join(dir, "dist-private"), path.join(root, "link"));
  port = await freePort();
  child = spawn(process.execPath, [SERVE, "--port", String(port), "--dir", root], { stdio: "pipe" });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("serve.mjs did not start")), 10_000);
    child!.stdout!.on("data", (b: Buffer) => {
      if (b.toString().includes("served at")) {
        clearTimeout(t);
        resolve();
      }
    });
    child!.once("exit", (c) => reject(new Error(`serve.mjs exited with ${c}`)));
  });
});

afterAll(() => {
  child?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function expectAlive() {
  expect(child!.exitCode, "serve.mjs exited").toBeNull();
  expect((await get("/")).status).toBe(200);
}

describe("resolveRequestPath: decode once, then normalise", () => {
  it.each([
    ["/", "/"],
    ["/en/explore/", "/en/explore/"],
    ["/en/embed/..%2F..%2Fen/explore/", "/en/explore/"],
    ["/en/embed/..%2f..%2fko/trends/", "/ko/trends/"],
    ["/..%2fdist-private/secret.txt", "/dist-private/secret.txt"],
    ["/%2e%2e%2fdist-private%2fsecret.txt", "/dist-private/secret.txt"],
    ["/../../etc/passwd", "/etc/passwd"],
    ["//en//explore/?q=1#x", "/en/explore/"],
    ["/%ED%95%9C/", "/한/"],
  ])("%s → %s", (input, want) => expect(resolveRequestPath(input)).toBe(want));

  it.each([["//%zz/"], ["/%"], ["/a%00b"], ["/%E0%A4%A"], ["*"], ["http://evil/"], [""]])("%s is malformed", (input) =>
    expect(resolveRequestPath(input)).toBeNull(),
  );
});

describe("parseRange", () => {
  it.each([
    ["bytes=0-3", 10, { start: 0, end: 3 }],
    ["bytes=5-", 10, { start: 5, end: 9 }],
    ["bytes=-3", 10, { start: 7, end: 9 }],
    ["bytes=-30", 10, { start: 0, end: 9 }],
    ["bytes=8-100", 10, { start: 8, end: 9 }],
    ["bytes=10-", 10, "unsatisfiable"],
    ["bytes=-0", 10, "unsatisfiable"],
    ["bytes=0-0", 0, "unsatisfiable"],
    ["bytes=5-3", 10, null],
    ["bytes=0-1,3-4", 10, null],
    ["items=0-3", 10, null],
    ["bytes=-", 10, null],
    [undefined, 10, null],
  ])("%s of %i bytes", (h, size, want) => expect(parseRange(h, size)).toEqual(want));
});

describe("serve.mjs: the review's reproductions", () => {
  it("F5: `GET //%zz/` is a 400, and the server stays up", async () => {
    const r = await get("//%zz/");
    expect(r.status).toBe(400);
    await expectAlive();
  });

  it.each([["/en/embed/..%2F..%2Fen/explore/"], ["/en/embed/..%2f..%2fko/trends/"]])(
    "F6: %s is not frameable (headers of the normalised path)",
    async (target) => {
      const r = await get(target);
      expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(r.headers["x-frame-options"]).toBe("DENY");
      expect(r.headers["cross-origin-opener-policy"]).toBe("same-origin");
    },
  );

  it("F6: a real embed route is still frameable", async () => {
    const r = await get("/en/embed/c/");
    expect(r.status).toBe(200);
    expect(r.headers["content-security-policy"]).toContain("frame-ancestors *");
    expect(r.headers["x-frame-options"]).toBeUndefined();
    expect(r.headers["cross-origin-opener-policy"]).toBeUndefined();
    expect(r.headers["strict-transport-security"]).toBeUndefined();
  });

  it.each([
    ["/..%2fdist-private/secret.txt"],
    ["/%2e%2e%2fdist-private%2fsecret.txt"],
    ["/en/..%2f..%2fdist-private/secret.txt"],
    ["/..%2fsecret.txt"],
    ["/..%2fdist.env"],
    ["/link/secret.txt"],
    ["/../dist-private/secret.txt"],
    ["/%2e%2e/%2e%2e/dist-private/secret.txt"],
  ])("F7: %s never reaches a file outside the root", async (target) => {
    const r = await get(target);
    expect(r.status).not.toBe(200);
    expect(r.text).not.toContain(SECRET);
  });

  it("F12: an extension-less file is served, not redirected", async () => {
    const r = await get("/_headers");
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe("# headers\n");
  });

  it("a directory without its slash redirects to the normalised path, keeping the query", async () => {
    const r = await get("/en/embed/..%2F..%2Fen/explore?x=1");
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe("/en/explore/?x=1");
    expect(r.headers["x-frame-options"]).toBe("DENY");
  });

  it("F12: 405 and 400 answers carry the security headers", async () => {
    for (const r of [await get("/", "", "POST"), await get("//%zz/")]) {
      expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
    }
    expect((await get("/", "", "DELETE")).headers.allow).toBe("GET, HEAD");
  });
});

describe("serve.mjs: HEAD and byte ranges", () => {
  it("HEAD sends the GET headers and no body", async () => {
    const r = await get("/data/digits.txt", "", "HEAD");
    expect(r.status).toBe(200);
    expect(r.headers["content-length"]).toBe("10");
    expect(r.headers["accept-ranges"]).toBe("bytes");
    expect(r.body.length).toBe(0);
  });

  it.each([
    ["bytes=2-4", 206, "234", "bytes 2-4/10"],
    ["bytes=7-", 206, "789", "bytes 7-9/10"],
    ["bytes=-2", 206, "89", "bytes 8-9/10"],
    ["bytes=0-1,4-5", 200, "0123456789", undefined],
    ["bytes=12-", 416, "", "bytes */10"],
  ])("Range %s → %i", async (range, status, body, contentRange) => {
    const r = await get("/data/digits.txt", `Range: ${range}\r\n`);
    expect(r.status).toBe(status);
    expect(r.headers["content-range"]).toBe(contentRange);
    if (status !== 416) {
      expect(r.body.toString()).toBe(body);
      expect(r.headers["content-length"]).toBe(String(body.length));
    }
  });

  it("a range applies to the precompressed body that is sent", async () => {
    const r = await get("/data/page.html", "Accept-Encoding: br\r\nRange: bytes=0-5\r\n");
    expect(r.status).toBe(206);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.body.toString()).toBe("BROTLI");
    expect(r.headers["content-range"]).toBe("bytes 0-5/12");
  });

  it("If-Range without a validator falls back to the whole body", async () => {
    const r = await get("/data/digits.txt", 'Range: bytes=0-1\r\nIf-Range: "x"\r\n');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe("0123456789");
  });

  it("an empty file is served with length 0", async () => {
    const r = await get("/data/empty.txt");
    expect(r.status).toBe(200);
    expect(r.headers["content-length"]).toBe("0");
  });
});

/** Deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "/",
  "//",
  "..",
  ".",
  "%2e",
  "%2E",
  "%2e%2e",
  "%2f",
  "%2F",
  "%5c",
  "\\",
  "%",
  "%zz",
  "%0",
  "%00",
  "%25",
  "%c0%ae",
  "%ff",
  "dist-private",
  "dist.env",
  "secret.txt",
  "link",
  "en",
  "ko",
  "embed",
  "explore",
  "c",
  "index.html",
  "_headers",
  "data",
  "digits.txt",
  "?",
  "#",
  "&",
  ";",
  "~",
  "한",
  "%ED%95%9C",
  " ",
  "\t",
  "%20",
  "A".repeat(300),
];
const METHODS = ["GET", "GET", "GET", "HEAD", "POST", "OPTIONS", "get", "CONNECT", "GET\t", ""];
const EXTRA = [
  "",
  "",
  "Range: bytes=0-3\r\n",
  "Range: bytes=-1\r\n",
  "Range: bytes=99999-\r\n",
  "Range: bytes=x\r\n",
  "Accept-Encoding: br, gzip\r\n",
  "Host:\r\n",
  "Transfer-Encoding: chunked\r\n",
  "Upgrade: websocket\r\nConnection: Upgrade\r\n",
  "Content-Length: -1\r\n",
];

describe("serve.mjs fuzz", () => {
  it("stays up and never sends a byte from outside the root over 3,000 generated request lines", async () => {
    const r = rng(20261130);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const N = 3000;
    const lines: string[] = [];
    for (let i = 0; i < N; i++) {
      let p = r() < 0.9 ? "/" : "";
      const n = 1 + Math.floor(r() * 8);
      for (let k = 0; k < n; k++) p += pick(PIECES) + (r() < 0.5 ? "/" : "");
      const version = r() < 0.95 ? "HTTP/1.1" : pick(["HTTP/1.0", "HTTP/9.9", "", "FOO"]);
      lines.push(`${pick(METHODS)} ${p} ${version}\r\nHost: x\r\nConnection: close\r\n${pick(EXTRA)}\r\n`);
    }
    const t0 = Date.now();
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < N && Date.now() - t0 < 60_000) {
        const req = lines[next++]!;
        const res = await raw(req, 2000);
        expect(res.text, req).not.toContain(SECRET);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(next, "all generated lines were sent within the time bound").toBe(N);
    await expectAlive();
    // Every answer is an HTTP status the server means to send (0 would be a dropped connection).
    for (const s of statuses.keys()) expect([200, 206, 301, 400, 404, 405, 416, 431, 505]).toContain(s);
    expect(statuses.get(500)).toBeUndefined();
  }, 90_000);
});
