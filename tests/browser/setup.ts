import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    altBaseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function serve(port: number, extra: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["scripts/serve.mjs", "--port", String(port), ...extra], { stdio: "pipe" });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("serve.mjs did not start within 10 s")), 10_000);
    child.stdout!.on("data", (b: Buffer) => {
      if (b.toString().includes("served at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (b: Buffer) => process.stderr.write(b));
    child.once("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return child;
}

/** Serves dist/ twice: the site, and the same files on a second origin (a different port) to act as a host page. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const alt = await freePort();
  // DSC_OUT: test a build made elsewhere than dist/ (see astro.config.mjs).
  const site = await serve(port, process.env.DSC_OUT ? ["--dir", process.env.DSC_OUT] : []);
  const host = await serve(alt, ["--dir", "tests/fixtures/host"]).catch(() => null);
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  project.provide("altBaseUrl", host ? `http://127.0.0.1:${alt}` : "");
  return () => {
    site.kill();
    host?.kill();
  };
}
