/**
 * The explore page's own first script (tiny): shows a shared query (?q=) in the editor at once, then loads
 * the console (DuckDB-WASM + Plot) after first paint. Nothing here is loaded by other pages.
 */
import { readSharedQuery } from "./share";

const root = document.querySelector<HTMLElement>("[data-explore]");
if (root) {
  const shared = readSharedQuery(location.search);
  const editor = root.querySelector<HTMLTextAreaElement>("textarea[data-sql]");
  if (editor && shared.sql !== null) {
    editor.value = shared.sql;
    // A query from a link is shown whole: the box grows to fit it (up to most of the screen), so no line of
    // it waits below the box's edge to be scrolled to.
    if (editor.scrollHeight > editor.clientHeight)
      editor.style.height = `${Math.min(editor.scrollHeight + 4, Math.round(innerHeight * 0.7))}px`;
  }
  const go = () => void import("./console").then((m) => m.start(root, shared));
  if (document.readyState === "complete") setTimeout(go, 0);
  else addEventListener("load", () => setTimeout(go, 0), { once: true });
}
