/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. Lines are also labelled directly. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
/** Plot text size: Plot's 10 px default fails readability audits. */
export const FONT_SIZE = "13px";

/** The SVG style every renderer uses: readable text, the page's colours, labels allowed past the frame. */
export const CHART_STYLE = { fontSize: FONT_SIZE, background: "transparent", overflow: "visible" } as const;

/**
 * Room for a column of text labels (px), clamped to [min, max]: ~7.5 px per Latin character at 13 px and
 * ~13 px per Hangul/CJK character, which is nearly twice as wide.
 */
export function labelRoom(labels: readonly string[], min: number, max: number, pad = 12): number {
  const width = (s: string) =>
    [...s].reduce((w, c) => w + (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(c) ? 13 : 7.5), 0);
  return Math.min(max, Math.max(min, ...labels.map((s) => width(s) + pad)));
}
