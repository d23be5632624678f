/*
 * dsc-stats embed resizer (optional). Add once to a page that embeds dsc-stats charts:
 *   <script src="https://<dsc-stats origin>/embed-resize.js" async></script>
 * It listens for height messages from dsc-stats embeds only (checked by origin and message shape) and sets the
 * height of the iframe that sent the message. It sends nothing and loads nothing.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "dsc-stats:height") return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    height = Math.min(Math.ceil(height), 20000);
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== event.source) continue;
      f.style.height = height + "px";
      f.setAttribute("height", String(height));
      f.setAttribute("data-dsc-stats-resized", String(height));
    }
  });
})();
