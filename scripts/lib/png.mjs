// SVG → PNG without a browser: resvg (Rust, from the npm registry with its prebuilt binding) and Pretendard
// (SIL Open Font Licence 1.1, from npm), given explicitly so Korean renders the same on any machine and no system
// font is ever consulted. The same SVG and options always give the same bytes.
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("pretendard/package.json")), "dist/public/static/alternative");

/** The font files the rasteriser uses (Regular for text, Bold for titles), and the licence that comes with them. */
export const FONT_FILES = ["Pretendard-Regular.ttf", "Pretendard-Bold.ttf"].map((f) => path.join(FONT_DIR, f));
export const FONT_LICENSE = path.join(path.dirname(require.resolve("pretendard/package.json")), "dist/LICENSE.txt");

/** Rasterise an SVG document at `scale` (1 = its own width/height in pixels). */
export function svgToPng(svg, scale = 1) {
  const r = new Resvg(svg, {
    fitTo: scale === 1 ? { mode: "original" } : { mode: "zoom", value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: "Pretendard",
      sansSerifFamily: "Pretendard",
    },
  });
  return r.render().asPng();
}
