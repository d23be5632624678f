/**
 * Runs on embed routes only (tiny, no imports): tells the parent page how tall the embed is, so the optional
 * public/embed-resize.js can fit the iframe. Posts only {type, id, height}: nothing about the reader or view.
 * (The "full view" link follows the chart's view from src/charts/mount.ts, with the validated query.)
 */
const root = document.querySelector<HTMLElement>("[data-embed-root]");
if (root) {
  const id = root.dataset.embedId ?? "";
  if (window.parent !== window) {
    let last = 0;
    const post = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last || height <= 0) return;
      last = height;
      window.parent.postMessage({ type: "dsc-stats:height", id, height }, "*");
    };
    new ResizeObserver(post).observe(document.body);
    window.addEventListener("load", post);
    post();
  }
}
