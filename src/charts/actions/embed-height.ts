/**
 * Runs on embed routes only (tiny, no imports): tells the parent page how tall the embed is, so the optional
 * public/embed-resize.js can fit the iframe. Posts only {type, id, height}: nothing about the reader or view.
 * Also keeps the "full view" link on the current view when the chart is its page's main chart.
 */
const root = document.querySelector<HTMLElement>("[data-embed-root]");
if (root) {
  const id = root.dataset.embedId ?? "";
  const full = root.querySelector<HTMLAnchorElement>("a[data-full-view]");
  const syncLink = () => {
    if (!full || !full.hasAttribute("data-primary")) return;
    const url = new URL(full.href);
    url.search = location.search;
    full.href = url.href;
  };
  syncLink();
  document.addEventListener("dsc:spec", () => setTimeout(syncLink, 0));
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
