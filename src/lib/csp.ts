/**
 * The Content-Security-Policy every page carries as a <meta> tag; host headers add frame-ancestors
 * (scripts/lib/site-headers.mjs). Styles allow 'unsafe-inline' because Plot writes style attributes into
 * SVG (inline styles cannot run script); images allow data:/blob: for downloads made in the page.
 */
import { CSP_BASE } from "./csp-policy.mjs";

export const CSP: string = CSP_BASE as string;
