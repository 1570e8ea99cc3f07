//go:build !wasm

package main

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
	"github.com/firstline/firstline/web"
)

// TestShellEndToEnd drives the real server and app in headless Chromium on
// a phone viewport: first load, every section, the service worker taking
// control, then airplane mode: a reload of / and of a deep link still work.
func TestShellEndToEnd(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, nil)

	do(t, ctx, "first load", chromedp.Navigate(a.URL+"/"), waitUsable())
	if got := eval[string](t, ctx, `document.querySelector("main h1").textContent`); got != "Field guide" {
		t.Errorf("home heading = %q, want %q", got, "Field guide")
	}
	if got := eval[string](t, ctx, `document.querySelector("nav.bottom-nav").getAttribute("aria-label")`); got != "Main sections" {
		t.Errorf("nav aria-label = %q", got)
	}

	// Every section through the bottom navigation, then back.
	for _, tc := range []struct{ tab, path, heading, title string }{
		{"#tab-phrases", "/phrases", "Phrases", "Phrases · firstline"},
		{"#tab-packs", "/packs", "Content packs", "Content packs · firstline"},
		{"#tab-settings", "/settings", "Settings", "Settings · firstline"},
		{"#tab-guide", "/", "Field guide", "Field guide · firstline"},
	} {
		do(t, ctx, "open "+tc.path, chromedp.Click(chromedp.CSS(tc.tab)),
			until(`location.pathname === "`+tc.path+`" && document.querySelector("main h1").textContent === "`+tc.heading+`"`))
		if got := eval[string](t, ctx, `document.title`); got != tc.title {
			t.Errorf("%s: title = %q, want %q", tc.path, got, tc.title)
		}
		if got := eval[string](t, ctx, `document.querySelector('nav a[aria-current="page"]').getAttribute("href")`); got != tc.path {
			t.Errorf("%s: current tab = %q", tc.path, got)
		}
	}
	do(t, ctx, "back", chromedp.NavigateBack(),
		until(`location.pathname === "/settings" && document.querySelector("main h1").textContent === "Settings"`))

	// The service worker has precached the shell and controls the page.
	do(t, ctx, "service worker", until(`!!navigator.serviceWorker.controller`))

	// Airplane mode: the server is gone and the browser is offline.
	a.stop()
	do(t, ctx, "go offline", setOffline(true))
	do(t, ctx, "offline badge", until(`document.querySelector("#net-status.offline") !== null`))
	for _, path := range []string{"/", "/settings", "/packs"} {
		do(t, ctx, "offline load of "+path, chromedp.Navigate(a.URL+path), waitUsable())
		if got := eval[string](t, ctx, `location.pathname`); got != path {
			t.Errorf("offline: at %q, want %q", got, path)
		}
	}
	if got := eval[string](t, ctx, `document.querySelector("main h1").textContent`); got != "Content packs" {
		t.Errorf("offline deep link heading = %q", got)
	}
	do(t, ctx, "offline reload", chromedp.Reload(), waitUsable())
	if !eval[bool](t, ctx, `!navigator.onLine`) {
		t.Fatal("browser no longer emulates offline after reload")
	}
	if !eval[bool](t, ctx, `document.querySelector("#net-status.offline") !== null`) {
		t.Error("offline badge not shown after an offline reload")
	}
}

// TestArabicRightToLeft switches the UI to Arabic in Settings: the whole
// document turns right-to-left, the navigation mirrors, and the choice
// survives a reload.
func TestArabicRightToLeft(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, nil)
	do(t, ctx, "load settings", chromedp.Navigate(a.URL+"/settings"), waitUsable())
	if got := eval[string](t, ctx, `document.documentElement.dir || "ltr"`); got != "ltr" {
		t.Fatalf("initial dir = %q", got)
	}
	do(t, ctx, "choose Arabic", chromedp.Click(chromedp.CSS("#lang-ar")),
		until(`document.documentElement.dir === "rtl" && document.documentElement.lang === "ar"`))
	check := func(when string) {
		t.Helper()
		// The document flips at once; the page re-renders just after.
		do(t, ctx, when, until(`document.querySelector("main h1").textContent === "الإعدادات"`))
		if got := eval[string](t, ctx, `document.querySelector("main h1").textContent`); got != "الإعدادات" {
			t.Errorf("%s: heading = %q, want الإعدادات", when, got)
		}
		// Mirrored navigation: the first tab (guide) is on the right.
		if !eval[bool](t, ctx, `document.querySelector("#tab-guide").getBoundingClientRect().left > document.querySelector("#tab-settings").getBoundingClientRect().left`) {
			t.Errorf("%s: navigation is not mirrored", when)
		}
		if got := eval[string](t, ctx, `document.querySelector("#lang-ar").getAttribute("aria-checked")`); got != "true" {
			t.Errorf("%s: Arabic not marked chosen: %q", when, got)
		}
	}
	check("after choosing")
	do(t, ctx, "reload", chromedp.Reload(), waitUsable(),
		until(`document.documentElement.dir === "rtl"`))
	check("after reload")
}

// TestUpdateBanner serves a new build while the app is open: the app finds
// it and offers to reload, and the reload brings the new version.
func TestUpdateBanner(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, nil)
	do(t, ctx, "load", chromedp.Navigate(a.URL+"/"), waitUsable(),
		until(`!!navigator.serviceWorker.controller`))
	// A first install is no update: no banner, neither now nor on reload.
	if eval[bool](t, ctx, `document.querySelector("#update-reload") !== null`) {
		t.Fatal("update banner shown on the first visit")
	}
	do(t, ctx, "reload", chromedp.Reload(), waitUsable())
	if eval[bool](t, ctx, `document.querySelector("#update-reload") !== null`) {
		t.Fatal("update banner shown before any update")
	}
	// A pack cache (any cache not named app-*) must survive the update.
	eval[bool](t, ctx, `caches.open("packs-test").then(c => c.put("/blobs/x", new Response("x"))).then(() => true)`)

	next := newTestServer(t, changedWeb(t))
	old := newTestServer(t, nil)
	if next.version == old.version {
		t.Fatal("changed assets did not change the version")
	}
	a.swap(next)
	// The app checks at start and every few minutes; ask now rather than
	// wait (again while a check that began before the swap is in flight).
	do(t, ctx, "update found", until(`(navigator.serviceWorker.getRegistration().then(r => r && r.update()).catch(() => {}),
		document.querySelector("#update-reload") !== null)`))
	do(t, ctx, "old shell deleted", until(`(async () => (await caches.keys()).filter(n => n.startsWith("app-")).join() === "app-`+next.version+`")()`))
	if !eval[bool](t, ctx, `caches.has("packs-test")`) {
		t.Error("the update deleted a cache that is not an app shell")
	}
	// Clicked from a timer: the click reloads the page under the call.
	do(t, ctx, "reload", chromedp.Evaluate[chromedp.Void](`setTimeout(() => document.querySelector("#update-reload").click(), 0)`),
		until(`goappGetenv("GOAPP_VERSION") === "`+next.version+`"`), waitUsable())
	if got := eval[string](t, ctx, `goappGetenv("GOAPP_VERSION")`); got != next.version {
		t.Errorf("after reload version = %q, want %q", got, next.version)
	}
}

// changedWeb is web.FS with one file changed, as a new build would have.
func changedWeb(t *testing.T) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(web.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web.FS, p)
		if err != nil {
			return err
		}
		if p == "robots.txt" {
			b = []byte(strings.TrimSpace(string(b)) + "\n# next build\n")
		}
		m[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
