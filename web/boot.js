// Runs before the page paints, so the stored language direction and theme
// apply at once (no flash of left-to-right or light content). The wasm
// takes over from here; it writes these keys (app/prefs.go).
(function () {
  try {
    var html = document.documentElement;
    var resolved = (localStorage.getItem("firstline.resolved") || "").split(" ");
    if (resolved.length === 2 && resolved[0]) {
      html.setAttribute("lang", resolved[0]);
      html.setAttribute("dir", resolved[1] === "rtl" ? "rtl" : "ltr");
    }
    var theme = localStorage.getItem("firstline.theme");
    if (theme === "light" || theme === "dark") {
      html.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // Storage can be unavailable (private mode): keep the defaults.
  }
})();
