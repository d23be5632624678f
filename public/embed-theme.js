/*
 * dsc-stats embeds: colours chosen by the embed URL, applied before first paint (a classic script in <head>).
 *   ?theme=light (default) | dark | auto (follow the reader's prefers-color-scheme)
 *   ?bg=transparent        let the host page's background show through
 * Unknown values keep the defaults. Reads only the embed's own URL; sends and loads nothing.
 */
(function () {
  "use strict";
  var q = new URLSearchParams(location.search);
  var root = document.documentElement;
  var theme = q.get("theme");
  if (theme === "dark" || theme === "auto") root.setAttribute("data-theme", theme);
  if (q.get("bg") === "transparent") root.setAttribute("data-bg", "transparent");
})();
