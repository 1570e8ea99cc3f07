//go:build js && wasm

package app

import (
	"syscall/js"
	"testing"
	"time"
)

// These run inside Chromium (make test-wasm): the real browser calls.

func TestStorageRoundTrip(t *testing.T) {
	p := newPlatform()
	p.Set("firstline.test", "ar rtl")
	if got := p.Get("firstline.test"); got != "ar rtl" {
		t.Errorf("Get = %q", got)
	}
	if got := js.Global().Get("localStorage").Call("getItem", "firstline.test").String(); got != "ar rtl" {
		t.Errorf("localStorage has %q", got)
	}
	if got := p.Get("firstline.never-set"); got != "" {
		t.Errorf("missing key = %q, want empty", got)
	}
}

func TestLanguagesComeFromNavigator(t *testing.T) {
	got := newPlatform().Languages()
	nav := js.Global().Get("navigator").Get("languages")
	if len(got) == 0 || len(got) != nav.Length() || got[0] != nav.Index(0).String() {
		t.Errorf("Languages() = %v, navigator.languages has %d", got, nav.Length())
	}
}

func TestSetDocument(t *testing.T) {
	p := newPlatform()
	html := js.Global().Get("document").Get("documentElement")
	p.SetDocument("ar", "rtl", ThemeDark)
	if html.Call("getAttribute", "dir").String() != "rtl" || html.Call("getAttribute", "lang").String() != "ar" || html.Call("getAttribute", "data-theme").String() != "dark" {
		t.Errorf("html: %s", html.Get("outerHTML").String()[:80])
	}
	p.SetDocument("en", "ltr", ThemeSystem)
	if !html.Call("getAttribute", "data-theme").IsNull() {
		t.Error("system theme must remove data-theme")
	}
}

func TestConnectivityEvents(t *testing.T) {
	p := newPlatform()
	got := make(chan bool, 2)
	release := p.OnConnectivity(func(online bool) { got <- online })
	w := js.Global()
	w.Call("dispatchEvent", js.Global().Get("Event").New("offline"))
	w.Call("dispatchEvent", js.Global().Get("Event").New("online"))
	for _, want := range []bool{false, true} {
		select {
		case v := <-got:
			if v != want {
				t.Errorf("event said online=%v, want %v", v, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no connectivity event")
		}
	}
	release()
	w.Call("dispatchEvent", js.Global().Get("Event").New("offline"))
	select {
	case <-got:
		t.Error("event after release")
	default:
	}
}

func TestPrefsSurviveAReload(t *testing.T) {
	p := newPlatform()
	applyPrefs(p, prefs{Choice: "ar", Lang: "ar", Dir: "rtl", Theme: ThemeLight})
	if got := resolvePrefs(newPlatform()); got.Lang != "ar" || got.Dir != "rtl" || got.Theme != ThemeLight {
		t.Errorf("resolved %+v from storage", got)
	}
	applyPrefs(p, prefs{Theme: ThemeSystem, Lang: "en", Dir: "ltr"})
}

func TestCheckForUpdateWithoutWorker(t *testing.T) {
	// The test page has no service worker: this must neither panic nor
	// leave a rejected promise behind.
	newPlatform().CheckForUpdate()
}
