/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. Lines are also labelled directly. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
/** Plot text size: Plot's 10 px default fails readability audits. */
export const FONT_SIZE = "13px";
