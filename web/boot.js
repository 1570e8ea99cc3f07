// Runs before the page paints, so the stored language direction and theme
// apply at once (no flash of left-to-right or light content). The wasm
// takes over from here; it writes these keys (app/prefs.go).
(function () {
  // Whether a service worker served this page: if not, the first worker's
  // activation during this visit is an install, not an update.
  var sw = navigator.serviceWorker;
  var started = !!(sw && sw.controller);
  window.firstlineStartedControlled = started;
  // A new worker takes over (it claims its clients on activation): a new
  // version is ready. go-app's own signal depends on the timing of its
  // registration promise, so this one does not.
  if (sw && started) {
    sw.addEventListener("controllerchange", function () {
      if (typeof goappOnUpdate === "function") {
        goappOnUpdate();
      }
    });
  }
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
