//go:build js && wasm

package app

import "syscall/js"

type jsPlatform struct {
	*jsDevice // the show-to-victim screen's calls: platform_field_wasm.go
}

func newPlatform() platform { return jsPlatform{&jsDevice{}} }

func (jsPlatform) storage() js.Value { return js.Global().Get("localStorage") }

func (p jsPlatform) Get(key string) string {
	s := p.storage()
	if !s.Truthy() {
		return ""
	}
	v := s.Call("getItem", key)
	if v.IsNull() || v.IsUndefined() {
		return ""
	}
	return v.String()
}

func (p jsPlatform) Set(key, value string) {
	if s := p.storage(); s.Truthy() {
		s.Call("setItem", key, value)
	}
}

func (jsPlatform) Languages() []string {
	nav := js.Global().Get("navigator")
	langs := nav.Get("languages")
	var out []string
	if langs.Truthy() {
		for i := 0; i < langs.Length(); i++ {
			out = append(out, langs.Index(i).String())
		}
	}
	if len(out) == 0 && nav.Get("language").Truthy() {
		out = append(out, nav.Get("language").String())
	}
	return out
}

func (jsPlatform) Online() bool {
	return js.Global().Get("navigator").Get("onLine").Bool()
}

func (jsPlatform) OnConnectivity(f func(online bool)) func() {
	on := js.FuncOf(func(js.Value, []js.Value) any { f(true); return nil })
	off := js.FuncOf(func(js.Value, []js.Value) any { f(false); return nil })
	w := js.Global()
	w.Call("addEventListener", "online", on)
	w.Call("addEventListener", "offline", off)
	return func() {
		w.Call("removeEventListener", "online", on)
		w.Call("removeEventListener", "offline", off)
		on.Release()
		off.Release()
	}
}

func (jsPlatform) SetDocument(lang, dir, theme string) {
	html := js.Global().Get("document").Get("documentElement")
	html.Call("setAttribute", "lang", lang)
	html.Call("setAttribute", "dir", dir)
	if theme == ThemeLight || theme == ThemeDark {
		html.Call("setAttribute", "data-theme", theme)
	} else {
		html.Call("removeAttribute", "data-theme")
	}
}

func (jsPlatform) AppleMobile() bool {
	nav := js.Global().Get("navigator")
	ua := nav.Get("userAgent").String()
	for _, s := range []string{"iPhone", "iPad", "iPod"} {
		if contains(ua, s) {
			return true
		}
	}
	// iPadOS presents itself as a Mac with touch.
	return contains(ua, "Macintosh") && nav.Get("maxTouchPoints").Int() > 1
}

func (jsPlatform) Standalone() bool {
	w := js.Global()
	if w.Get("navigator").Get("standalone").Truthy() {
		return true
	}
	mm := w.Call("matchMedia", "(display-mode: standalone)")
	return mm.Truthy() && mm.Get("matches").Bool()
}

func (jsPlatform) StartedControlled() bool {
	return js.Global().Get("firstlineStartedControlled").Truthy()
}

// The callbacks of CheckForUpdate, made once: the app calls it every few
// minutes and a js.Func per call would never be released.
var (
	ignoreRejection    = js.FuncOf(func(js.Value, []js.Value) any { return nil })
	updateRegistration = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 && args[0].Truthy() {
			// update() rejects while offline; that is expected.
			args[0].Call("update").Call("catch", ignoreRejection)
		}
		return nil
	})
)

func (jsPlatform) CheckForUpdate() {
	sw := js.Global().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	sw.Call("getRegistration").Call("then", updateRegistration, ignoreRejection)
}
