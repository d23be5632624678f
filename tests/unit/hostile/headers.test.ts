/**
 * The host configurations agree with the single rule source (scripts/lib/site-headers.mjs):
 * dist/_headers (Netlify/Cloudflare) for every built path, deploy/nginx.conf is freshly generated, and — when
 * Debian nginx is installed — a real nginx on loopback sends those headers, wasm as application/wasm and the
 * precompressed brotli/gzip files.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headersFor, httpsHeadersFor } from "../../../scripts/lib/site-headers.mjs";
import { headersFile, nginxConf, servedPaths } from "../../../scripts/write-headers.mjs";

type Headers = Record<string, string>;
/** The HTTPS host configurations (_headers, nginx) send headersFor() plus HSTS. */
const headersOf = httpsHeadersFor as (p: string) => Headers;
const DIST = path.resolve("dist");
const hasDist = existsSync(path.join(DIST, "index.html")) && existsSync(path.join(DIST, "_headers"));

/** A CSP as a set of policies, each a sorted list of directives: comparable however it was split. */
function cspDirectives(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(/[;,]/))
    .map((d) => d.trim().replace(/\s+/g, " "))
    .filter(Boolean)
    .sort();
}

/** Effective headers for a path under Netlify/Cloudflare `_headers` rules (all matching rules apply). */
function applyRules(text: string, urlPath: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let matches = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    if (!/^\s/.test(line)) {
      const pat = line.trim();
      const re = new RegExp(`^${pat.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
      matches = re.test(urlPath);
      continue;
    }
    if (!matches) continue;
    const i = line.indexOf(":");
    const k = line.slice(0, i).trim().toLowerCase();
    (out[k] ??= []).push(line.slice(i + 1).trim());
  }
  return out;
}

function expectAgreement(urlPath: string, got: Record<string, string[]>) {
  const want = headersOf(urlPath);
  for (const [k, v] of Object.entries(want)) {
    const g = got[k.toLowerCase()];
    expect(g, `${urlPath}: ${k} missing`).toBeDefined();
    if (k === "Content-Security-Policy") expect(cspDirectives(g!), urlPath).toEqual(cspDirectives([v]));
    else expect(g, `${urlPath}: ${k}`).toEqual([v]);
  }
}

describe("the header rules", () => {
  const rules = headersFor as (p: string) => Headers;
  it.each([["/en/"], ["/ko/explore/"], ["/_astro/x.js"], ["/static-charts/en/x.svg"], ["/en/embed/victims/"]])(
    "%s: no retired policy tokens, no blob: workers",
    (p) => {
      expect(rules(p)["Permissions-Policy"]).not.toContain("interest-cohort");
      expect(rules(p)["Permissions-Policy"]).toContain("browsing-topics=()");
      expect(rules(p)["Content-Security-Policy"]).toContain("worker-src 'self';");
    },
  );

  it("COOP same-origin on every non-embed path; embeds stay frameable and without COOP", () => {
    for (const p of ["/", "/en/", "/ko/trends/", "/en/explore/", "/data/observations.csv"]) {
      expect(rules(p)["Cross-Origin-Opener-Policy"], p).toBe("same-origin");
      expect(rules(p)["X-Frame-Options"], p).toBe("DENY");
    }
    const e = rules("/en/embed/victims/");
    expect(e["Cross-Origin-Opener-Policy"]).toBeUndefined();
    expect(e["X-Frame-Options"]).toBeUndefined();
    expect(e["Content-Security-Policy"]).toContain("frame-ancestors *");
  });

  it("HSTS only in the HTTPS configurations, not in the local preview's rules", () => {
    expect(rules("/en/")["Strict-Transport-Security"]).toBeUndefined();
    expect(headersOf("/en/")["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(nginxConf()).toContain('add_header Strict-Transport-Security "max-age=31536000" always;');
  });
});

describe("docs/deploy.md", () => {
  it("shows dist/_headers exactly as scripts/write-headers.mjs writes it", () => {
    const doc = readFileSync("docs/deploy.md", "utf8");
    const m = /<!-- _headers example: headersFile\(\) for ([^>]+) -->\n```text\n([\s\S]*?)```/.exec(doc);
    expect(m, "the _headers example block is missing").not.toBeNull();
    const dir = mkdtempSync(path.join(tmpdir(), "dsc-headers-doc-"));
    try {
      for (const f of m![1]!.split(",").map((x) => x.trim())) {
        mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        writeFileSync(path.join(dir, f), "");
      }
      expect(m![2]).toBe(headersFile(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("documents DSC_SITE", () => {
    expect(readFileSync("docs/deploy.md", "utf8")).toMatch(/DSC_SITE=https:\/\/[^\s]+ npm run build/);
  });
});

describe("host header configs agree with scripts/lib/site-headers.mjs", () => {
  it("deploy/nginx.conf is the generator's current output", () => {
    expect(readFileSync("deploy/nginx.conf", "utf8")).toBe(nginxConf());
  });

  it.runIf(hasDist)("dist/_headers gives every built path exactly the headers of headersFor()", () => {
    const text = readFileSync(path.join(DIST, "_headers"), "utf8");
    const paths = servedPaths(DIST) as string[];
    expect(paths.length).toBeGreaterThan(5);
    for (const p of paths) expectAgreement(p, applyRules(text, p));
    // Embed routes are the only frameable ones; pages are not.
    expect(cspDirectives(applyRules(text, "/en/").content_security_policy ?? [])).toEqual([]);
    expect(applyRules(text, "/en/")["x-frame-options"]).toEqual(["DENY"]);
  });
});

const NGINX = "/usr/sbin/nginx";
describe.runIf(hasDist && existsSync(NGINX))("deploy/nginx.conf on a real nginx (loopback)", () => {
  let dir = "";
  let port = 0;
  let child: ReturnType<typeof spawn> | undefined;
  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const a = s.address();
        s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
      });
    });
    dir = mkdtempSync(path.join(tmpdir(), "dsc-nginx-"));
    const snippet = nginxConf().replace("root /srv/dsc-stats/dist;", `root ${DIST};`);
    writeFileSync(path.join(dir, "site.conf"), snippet);
    const brotli = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
    writeFileSync(
      path.join(dir, "nginx.conf"),
      `${existsSync(brotli) ? `load_module ${brotli};` : ""}
daemon off; master_process off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 64; }
http { access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir};
  uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; include ${dir}/site.conf; } }
`,
    );
    if (!existsSync(brotli)) writeFileSync(path.join(dir, "site.conf"), snippet.replace("brotli_static on;", ""));
    const t = spawnSync(NGINX, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
    expect(t.status, t.stderr).toBe(0);
    // Security review F12: "duplicate MIME type text/html" (charset_types repeated nginx's default). No warnings.
    expect(t.stderr).not.toContain("[warn]");
    child = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "ignore" });
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error("nginx did not start");
  });
  afterAll(() => {
    child?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("sends the rule source's headers for every built path", async () => {
    for (const p of servedPaths(DIST) as string[]) {
      const r = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { "accept-encoding": "identity" } });
      // Read the body so the connection returns to the pool: unread bodies pile up open connections past the
      // test server's worker_connections, and nginx then drops new ones.
      await r.arrayBuffer();
      expect(r.status, p).toBe(200);
      const got: Record<string, string[]> = {};
      r.headers.forEach((v, k) => (got[k] = [v]));
      expectAgreement(p, got);
    }
  });

  it("serves wasm as application/wasm, precompressed with brotli or gzip", async () => {
    const wasm = (servedPaths(DIST) as string[]).find((p) => p.endsWith(".wasm"));
    expect(wasm).toBeDefined();
    const br = await fetch(`http://127.0.0.1:${port}${wasm}`, { method: "HEAD", headers: { "accept-encoding": "br" } });
    expect(br.headers.get("content-type")).toBe("application/wasm");
    expect(br.headers.get("content-encoding")).toBe("br");
    const gz = await fetch(`http://127.0.0.1:${port}${wasm}`, {
      method: "HEAD",
      headers: { "accept-encoding": "gzip" },
    });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(br.headers.get("cache-control")).toContain("immutable");
  });
});
