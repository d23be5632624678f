import type { ChartSpec, SpecBounds } from "../spec/spec";
import type { ChartContext } from "./context";

/** The JSON each pre-rendered figure carries for the browser (see ChartFigure.astro). */
export interface Payload {
  spec: ChartSpec;
  defaults: ChartSpec;
  bounds: SpecBounds;
  title: string;
  ctx: ChartContext;
  strings: { loading: string; ready: string; updating: string; failed: string; invalid: string };
  primary: boolean;
  sourcesPage: string;
  embed: boolean;
}

export function readPayload(fig: Element): Payload | null {
  const el = fig.querySelector("script[data-payload]");
  if (!el?.textContent) return null;
  try {
    return JSON.parse(el.textContent) as Payload;
  } catch {
    return null;
  }
}
