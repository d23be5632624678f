// The policy itself lives in src/lib/csp-policy.mjs (scripts may import src/lib, never the reverse).
export { CSP_BASE } from "../../src/lib/csp-policy.mjs";
