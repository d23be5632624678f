/** JSON safe to embed in <script type="application/json">: no "</script>" or HTML comment can close it early. */
export function safeJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
