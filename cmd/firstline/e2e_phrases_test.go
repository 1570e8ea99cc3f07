//go:build !wasm

package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitPhrasePacks waits (up to 90 seconds) until the pack sync has
// installed the phrase packs of the languages the test uses, which the
// language screen then lists.
func waitPhrasePacks(langs ...string) chromedp.Action[chromedp.Void] {
	var conds []string
	for _, l := range langs {
		conds = append(conds, `!!document.querySelector("#victim-lang-`+l+`")`)
	}
	expr := strings.Join(conds, " && ")
	return poll(expr, 90*time.Second, 200*time.Millisecond, func(error) error {
		return fmt.Errorf("the phrase packs of %v were never installed (is the pack sync running?)", langs)
	})
}

// installPhrasePacks installs the default phrase set in langs from the
// Packs screen, as a trainer would (a new device gets only its UI
// language's and English's).
func installPhrasePacks(t *testing.T, ctx context.Context, a *testApp, langs ...string) {
	t.Helper()
	do(t, ctx, "packs screen", chromedp.Navigate(a.URL+"/packs"), waitUsable(), until(syncDoneJS))
	for _, l := range langs {
		id := "phrases-first-contact-" + l
		do(t, ctx, "install "+id, until(`!!document.querySelector("#install-`+id+`") && !document.querySelector("#install-`+id+`").disabled`),
			chromedp.Click(chromedp.CSS("#install-"+id)), until(installedJS+`.split(" ").some(p => p.startsWith("`+id+`@"))`), until(syncDoneJS))
	}
}

// wakeLockSpy counts the Wake Lock requests and the locks held, where the
// browser has the API.
const wakeLockSpy = `(() => {
  if (!navigator.wakeLock || window.__wakeLock) return true;
  window.__wakeLock = { requests: 0, held: 0 };
  const request = navigator.wakeLock.request.bind(navigator.wakeLock);
  navigator.wakeLock.request = (type) => {
    __wakeLock.requests++;
    return request(type).then((s) => {
      __wakeLock.held++;
      const release = s.release.bind(s);
      s.release = () => { __wakeLock.held--; return release(); };
      return s;
    });
  };
  return true;
})()`

// showTiming clicks a phrase card and resolves to the milliseconds from
// the tap to the full-screen text being in the document.
const showTiming = `new Promise((resolve) => {
  const start = performance.now();
  const obs = new MutationObserver(() => {
    if (document.querySelector("#show-text")) { obs.disconnect(); resolve(performance.now() - start); }
  });
  obs.observe(document.body, { childList: true, subtree: true });
  document.querySelector("#show-have_passport").click();
})`

// TestPhrasesEndToEnd is the walk-through on a phone: choose
// Tigrinya on the language screen, search "passport", show the question,
// tap "no", read the answer in the UI language in the log, clear the log;
// then the same in Arabic with French; then all of it offline.
func TestPhrasesEndToEnd(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, nil)

	do(t, ctx, "first load", chromedp.Navigate(a.URL+"/phrases"), waitUsable())
	installPhrasePacks(t, ctx, a, "ti", "fr")
	do(t, ctx, "language screen", chromedp.Navigate(a.URL+"/phrases/language"), waitUsable(), waitPhrasePacks("ti", "fr"))

	// The language screen: Tigrinya in its own script, found by its
	// English name too.
	if got := eval[string](t, ctx, `document.querySelector("#victim-lang-ti .language-self").textContent`); got != "ትግርኛ" {
		t.Errorf("Tigrinya shown as %q", got)
	}
	do(t, ctx, "search a language", chromedp.SendKeys(chromedp.CSS("#language-search"), "tigr"),
		until(`document.querySelectorAll(".language-list li").length === 1 && !!document.querySelector("#victim-lang-ti")`))

	// axe-core audits (no serious or critical violation) of the list with
	// a log and of the answered full screen, LTR and RTL, both themes.
	audited := map[string]bool{"English": true, "Arabic": true}
	copied := "Copied."
	walk := func(when, victim, query, answer string) {
		t.Helper()
		do(t, ctx, when+": choose "+victim, chromedp.Click(chromedp.CSS("#victim-lang-"+victim)),
			until(`location.pathname === "/phrases" && document.querySelector("#victim-lang")?.lang === "`+victim+`"`))
		do(t, ctx, when+": search", chromedp.SendKeys(chromedp.CSS("#phrase-search"), query),
			until(`!!document.querySelector("#show-have_passport") && document.querySelectorAll(".phrase-card").length < 10`))
		eval[bool](t, ctx, wakeLockSpy)
		ms := eval[float64](t, ctx, showTiming)
		t.Logf("%s: tap to full screen: %.1f ms", when, ms)
		do(t, ctx, when+": full screen", until(`location.pathname === "/show/`+victim+`/have_passport"`))
		if got := eval[string](t, ctx, `document.querySelector("#show-text").lang`); got != victim {
			t.Errorf("%s: full-screen text lang = %q", when, got)
		}
		do(t, ctx, when+": tap no", chromedp.Click(chromedp.CSS("#answer-no")),
			until(`document.querySelector("#show-answer strong")?.textContent === "`+answer+`"`))
		if audited[when] {
			for _, theme := range []string{"light", "dark"} {
				audit(t, ctx, when+" full screen, answered", theme)
			}
		}
		do(t, ctx, when+": back to the list", chromedp.Click(chromedp.CSS("#show-back")),
			until(`location.pathname === "/phrases" && !!document.querySelector("#conversation-log .log-answer")`))
		// The screen was kept on while the phrase was shown, and let go after.
		do(t, ctx, when+": wake lock", until(`!window.__wakeLock || (__wakeLock.requests >= 1 && __wakeLock.held === 0)`))
		t.Logf("%s: wake lock %s", when, eval[string](t, ctx, `JSON.stringify(window.__wakeLock || "no Wake Lock API")`))
		if got := eval[string](t, ctx, `document.querySelector("#conversation-log .log-answer").textContent`); got != answer {
			t.Errorf("%s: log answer = %q, want %q", when, got, answer)
		}
		if audited[when] {
			for _, theme := range []string{"light", "dark"} {
				audit(t, ctx, when+" phrase list with a log", theme)
			}
			eval[bool](t, ctx, `(document.documentElement.removeAttribute("data-theme"), true)`)
		}
		do(t, ctx, when+": copy the log", chromedp.Click(chromedp.CSS("#log-copy")), until(`document.querySelector("#log-status").textContent !== ""`))
		if got, want := eval[string](t, ctx, `document.querySelector("#log-status").textContent`), copied; got != want {
			t.Errorf("%s: after copy: %q, want %q", when, got, want)
		}
		do(t, ctx, when+": clear the log", chromedp.Click(chromedp.CSS("#log-clear")), until(`!!document.querySelector("#log-clear-yes")`),
			chromedp.Click(chromedp.CSS("#log-clear-yes")), until(`!!document.querySelector("#log-empty")`))
		if got := eval[string](t, ctx, `localStorage.getItem("firstline.log") || ""`); got != "" {
			t.Errorf("%s: log still stored: %s", when, got)
		}
	}
	walk("English", "ti", "passport", "No")

	// Arabic UI, French-speaking person: the document is right to left,
	// the person's text left to right.
	do(t, ctx, "settings", chromedp.Navigate(a.URL+"/settings"), waitUsable(), chromedp.Click(chromedp.CSS("#lang-ar")),
		until(`document.documentElement.dir === "rtl"`))
	do(t, ctx, "language screen in Arabic", chromedp.Navigate(a.URL+"/phrases/language"), waitUsable(), waitPhrasePacks("fr"))
	copied = "تم النسخ."
	walk("Arabic", "fr", "passeport", "لا")

	// Offline after the first visit: everything again.
	do(t, ctx, "service worker", until(`!!navigator.serviceWorker.controller`))
	a.stop()
	do(t, ctx, "go offline", setOffline(true))
	do(t, ctx, "offline language screen", chromedp.Navigate(a.URL+"/phrases/language"), waitUsable(), waitPhrasePacks("ti", "fr"))
	walk("Arabic offline", "ti", "جواز", "لا")
	do(t, ctx, "offline full-screen reload", chromedp.Navigate(a.URL+"/show/fr/have_passport"),
		until(`document.querySelector("#show-text")?.lang === "fr" && document.documentElement.dir === "rtl"`))
}
