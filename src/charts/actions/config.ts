import type { ChartSpec } from "../../spec/spec";
import { readPayload, type FigureActions, type Payload } from "../payload";
import type { LinkConfig } from "./links";

/** The figure's payload as the actions use it: its links (LinkConfig) and what they download and cite. */
export interface ActionsConfig extends LinkConfig, Omit<FigureActions, "table"> {
  title: string;
  subtitle: string;
  /** Labels, units and sources the chart's table and citation are written with. */
  ctx: Payload["ctx"];
  /** The pre-rendered view and its table (exactly as shown), for CSV without the query engine. */
  prerendered: { spec: ChartSpec } & FigureActions["table"];
}

/** Null for a figure without actions (embed routes). */
export function actionsConfig(p: Payload): ActionsConfig | null {
  if (!p.actions) return null;
  const { table, ...rest } = p.actions;
  return {
    ...rest,
    id: p.spec.id,
    title: p.title,
    subtitle: p.subtitle,
    primary: p.primary,
    ctx: p.ctx,
    defaults: p.defaults,
    fields: p.bounds.fields,
    prerendered: { spec: p.spec, ...table },
  };
}

export function readConfig(fig: Element): ActionsConfig | null {
  const p = readPayload(fig);
  return p && actionsConfig(p);
}
