//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitFor waits up to 90 s for a JavaScript expression: long enough for a
// first visit's pack sync on a loaded machine.
func waitFor(what, expr string) chromedp.Action[chromedp.Void] {
	return poll(expr, 90*time.Second, 200*time.Millisecond, func(error) error {
		return fmt.Errorf("%s: still false after 90s: %s", what, expr)
	})
}

// waitGuide waits on the home screen for the field guide the first visit
// installs (the pack sync).
func waitGuide() chromedp.Action[chromedp.Void] {
	return waitFor("the guide was never installed (is the pack sync running?)", `!!document.querySelector("#module-first-steps")`)
}

// tap scrolls an element of the page to the middle of the screen and
// taps it: chromedp's own scrolling can leave it under the fixed bottom
// bar, and the tap would land on a tab.
func tap(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		q, _ := json.Marshal(sel)
		return chromedp.Do(ctx, until(`!!document.querySelector(`+string(q)+`)`),
			chromedp.Evaluate[chromedp.Void](`document.querySelector(`+string(q)+`).scrollIntoView({block: "center"})`),
			chromedp.Click(chromedp.CSS(sel)))
	})
}

// TestGuideEndToEnd is an officer at a scene, on a phone: the first steps
// in one tap, a bookmark that lands on the home screen, a checklist ticked
// and cleared, contacts with tap-to-call, the text size and motion
// settings, About, the guide in Arabic with its draft notice, all of it
// again in airplane mode, and the English guide standing in (and saying
// so) once the Arabic one is removed.
func TestGuideEndToEnd(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, nil)
	do(t, ctx, "first load", chromedp.Navigate(a.URL+"/"), waitUsable(), waitGuide())

	// One tap to the first steps at the scene: numbered steps, do's and
	// don'ts; English is the source, so no draft notice.
	do(t, ctx, "first steps", tap("#quick-first-steps"),
		until(`location.pathname === "/guide/first-steps" && document.querySelector("main h1").textContent === "First steps at the scene"`))
	if got := eval[string](t, ctx, `document.title`); got != "First steps at the scene · firstline" {
		t.Errorf("title = %q", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("ol.steps > li").length`); n < 3 {
		t.Errorf("%d numbered steps", n)
	}
	if !eval[bool](t, ctx, `!!document.querySelector("ul.dos > li") && !!document.querySelector("ul.donts > li")`) {
		t.Error("no do / don't lists")
	}
	if eval[bool](t, ctx, `!!document.querySelector("#draft-notice")`) {
		t.Error("draft notice on the English source")
	}

	// Bookmark the first step; it is listed at home and leads back to it.
	step := eval[string](t, ctx, `document.querySelector("ol.steps > li").id`)
	do(t, ctx, "bookmark", tap(`[id="mark-`+step+`"]`),
		until(`document.getElementById("mark-`+step+`").getAttribute("aria-pressed") === "true"`))
	do(t, ctx, "home", chromedp.Click(chromedp.CSS("#tab-guide")), until(`location.pathname === "/"`),
		until(`!!document.getElementById("bm-`+step+`")`))
	do(t, ctx, "open bookmark", tap(`[id="bm-`+step+`"]`),
		until(`location.pathname === "/guide/first-steps" && location.hash === "#`+step+`" && document.getElementById("`+step+`")?.classList.contains("target")`))

	// A checklist: the tick survives a reload and "Clear ticks" clears it.
	box := "tick-what.definition.act"
	do(t, ctx, "checklist", chromedp.Navigate(a.URL+"/guide/what"), waitUsable(), waitFor("module what", `!!document.getElementById("`+box+`")`))
	do(t, ctx, "tick", tap(`[id="`+box+`"]`), until(`document.getElementById("`+box+`").checked && !document.getElementById("clear-ticks").disabled`))
	do(t, ctx, "reload", chromedp.Reload(), waitUsable(), waitFor("ticks after reload", `!!document.getElementById("`+box+`") && document.getElementById("`+box+`").checked`))
	do(t, ctx, "clear ticks", tap("#clear-ticks"), until(`!document.getElementById("`+box+`").checked`))

	// Contacts: without a regional pack, the way to get one; with it,
	// tap-to-call links.
	do(t, ctx, "referral", chromedp.Navigate(a.URL+"/guide/referral"), waitUsable(),
		waitFor("no contacts", `!!document.querySelector(".contacts-none a[href='/packs']")`))
	do(t, ctx, "install the regional pack", installRegion(a.URL))
	do(t, ctx, "referral with contacts", chromedp.Navigate(a.URL+"/guide/referral"), waitUsable(),
		waitFor("contacts", `!!document.querySelector(".contact a[href='tel:+0000000000']")`))
	if got := eval[string](t, ctx, `document.querySelector(".contact a[href^='tel:']").textContent`); !strings.Contains(got, "+000 0000 000") {
		t.Errorf("call link reads %q", got)
	}

	// Text size and reduce motion: classes on <html>, kept on reload.
	do(t, ctx, "settings", chromedp.Navigate(a.URL+"/settings"), waitUsable())
	do(t, ctx, "extra large text", tap("#textsize-xl"),
		until(`document.documentElement.classList.contains("text-xl") && getComputedStyle(document.documentElement).fontSize === "22px"`))
	do(t, ctx, "reduce motion", tap("#reduce-motion"),
		until(`document.documentElement.classList.contains("reduce-motion")`))
	do(t, ctx, "reload settings", chromedp.Reload(), waitUsable(),
		until(`document.documentElement.classList.contains("text-xl") && document.documentElement.classList.contains("reduce-motion") && document.getElementById("textsize-xl").checked`))
	do(t, ctx, "normal text", tap("#textsize-m"),
		until(`getComputedStyle(document.documentElement).fontSize === "16px" && !document.documentElement.classList.contains("text-xl")`))

	// About: the version and the guide's sources.
	do(t, ctx, "about", tap("#about-link"),
		until(`location.pathname === "/about" && !!document.querySelector("#about-sources [id='about.sources.palermo']")`))
	if v := eval[string](t, ctx, `document.getElementById("about-version").textContent`); v == "" || v == "dev" {
		t.Errorf("About shows version %q", v)
	}

	// Arabic: the Arabic guide arrives with the next sync, marked draft.
	do(t, ctx, "Arabic", chromedp.Navigate(a.URL+"/settings"), waitUsable(), tap("#lang-ar"),
		until(`document.documentElement.dir === "rtl"`))
	do(t, ctx, "Arabic guide", chromedp.Navigate(a.URL+"/"), waitUsable(),
		waitFor("the Arabic guide", `document.querySelector("#module-first-steps .row-title")?.textContent === "الخطوات الأولى في الموقع" && !!document.querySelector("#draft-notice")`))
	if eval[bool](t, ctx, `!!document.querySelector("#guide-fallback")`) {
		t.Error("fallback notice with the Arabic guide installed")
	}

	// Airplane mode after the first visit: everything still opens.
	do(t, ctx, "service worker", until(`!!navigator.serviceWorker.controller`))
	a.stop()
	do(t, ctx, "offline", setOffline(true))
	do(t, ctx, "offline first steps", chromedp.Navigate(a.URL+"/guide/first-steps"), waitUsable(),
		waitFor("offline guide", `document.querySelectorAll("ol.steps > li").length >= 3 && document.querySelector("main h1").textContent === "الخطوات الأولى في الموقع"`),
		until(`document.title === "الخطوات الأولى في الموقع · firstline"`))
	do(t, ctx, "offline bookmark at home", chromedp.Navigate(a.URL+"/"), waitUsable(),
		waitFor("offline bookmark", `!!document.getElementById("bm-`+step+`")`))

	// The Arabic guide removed: the English one stands in, and says so.
	do(t, ctx, "remove the Arabic guide", chromedp.Navigate(a.URL+"/packs"), waitUsable(),
		waitFor("Arabic guide installed", `document.getElementById("remove-guide-ar")?.disabled === false`),
		tap("#remove-guide-ar"), waitFor("Arabic guide removed", `!document.getElementById("remove-guide-ar")`))
	do(t, ctx, "English fallback", chromedp.Navigate(a.URL+"/"), waitUsable(),
		waitFor("English fallback", `!!document.querySelector("#guide-fallback") && document.querySelector("#module-first-steps .row-title")?.textContent === "First steps at the scene"`))
	if got := eval[string](t, ctx, `document.querySelector("#module-first-steps").closest("ul").lang`); got != "en" {
		t.Errorf("English guide in the Arabic UI marked lang=%q", got)
	}
	if eval[bool](t, ctx, `!!document.querySelector("#draft-notice")`) {
		t.Error("draft notice on the English source")
	}
}

// installRegion installs the sample regional pack from the Packs screen.
func installRegion(base string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		return chromedp.Do(ctx, chromedp.Navigate(base+"/packs"), waitUsable(),
			// Enabled: the buttons wait while a sync runs.
			waitFor("the regional pack offered", `document.getElementById("install-region-sample-region")?.disabled === false`),
			tap("#install-region-sample-region"),
			waitFor("the regional pack installed", `!!document.getElementById("remove-region-sample-region")`))
	})
}

// TestAccessibility audits every screen with axe-core on a 320 px phone,
// in the light and the dark theme, in English and in Arabic (right to
// left, largest text): no serious or critical violation anywhere, no
// sideways scrolling, no target under 48 px.
func TestAccessibility(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, nil)
	do(t, ctx, "narrowest phone", chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	do(t, ctx, "first load", chromedp.Navigate(a.URL+"/"), waitUsable(), waitGuide())
	do(t, ctx, "install the regional pack", installRegion(a.URL))
	// A bookmark, so that the home screen lists one.
	eval[bool](t, ctx, `(localStorage.setItem("firstline.bookmarks", "first-steps.scene.1"), true)`)
	screens := []string{"/", "/guide/first-steps", "/guide/what", "/guide/indicators", "/guide/referral", "/about", "/settings",
		"/packs", "/phrases", "/phrases/language", "/show/en/have_passport"}
	for _, lang := range []string{"en", "ar"} {
		if lang == "ar" {
			// Right to left, and the largest text: still no sideways
			// scrolling at 320 px.
			do(t, ctx, "Arabic", chromedp.Navigate(a.URL+"/settings"), waitUsable(), tap("#lang-ar"),
				until(`document.documentElement.dir === "rtl"`), tap("#textsize-xl"),
				until(`document.documentElement.classList.contains("text-xl")`))
		}
		for _, s := range screens {
			do(t, ctx, "open "+s, chromedp.Navigate(a.URL+s), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				if s == "/show/en/have_passport" { // full screen: no page heading
					_, err := until(`!document.getElementById("app-wasm-loader") && !!document.querySelector("#show-text")`)(ctx, t)
					return err
				}
				_, err := waitUsable()(ctx, t)
				return err
			}))
			// Folded parts open, so that they are audited too.
			eval[bool](t, ctx, `(document.querySelectorAll("details").forEach(d => d.open = true), true)`)
			// 320 px wide: nothing sticks out sideways, and every control
			// is at least 48 px square.
			if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 320 {
				t.Errorf("%s %s: %d px wide at 320 px", lang, s, w)
			}
			if small := eval[string](t, ctx, smallTargets); small != "" {
				t.Errorf("%s %s: targets under 48 px: %s", lang, s, small)
			}
			for _, theme := range []string{"light", "dark"} {
				audit(t, ctx, lang+" "+s, theme)
			}
		}
	}
}

// smallTargets lists the visible controls of the guide and settings
// screens smaller than 48x48 px (links inside running text are exempt).
const smallTargets = `[...document.querySelectorAll(
  ".bookmark, .link-row, .quick-action, .choice, .btn, .back, .tick, .tab, .brand")]
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.width < 47.5 || r.height < 47.5); })
  .slice(0, 5).map(e => (e.id || e.className) + " " + Math.round(e.getBoundingClientRect().width) + "x" + Math.round(e.getBoundingClientRect().height)).join(", ")`
