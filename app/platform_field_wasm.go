//go:build js && wasm

package app

import "syscall/js"

type jsDevice struct {
	audio js.Value // the <audio> element playing, if any
}

// ignoreFieldRejection swallows a promise's rejection (a wake lock refused
// on a hidden page, play() interrupted by the next play()).
var ignoreFieldRejection = js.FuncOf(func(js.Value, []js.Value) any { return nil })

func (d *jsDevice) KeepAwake() (func(), bool) {
	nav := js.Global().Get("navigator")
	if !nav.Get("wakeLock").Truthy() {
		return func() {}, false
	}
	var sentinel js.Value
	released := false
	got := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		if released {
			args[0].Call("release").Call("catch", ignoreFieldRejection)
		} else {
			sentinel = args[0]
		}
		return nil
	})
	request := func() {
		nav.Get("wakeLock").Call("request", "screen").Call("then", got, ignoreFieldRejection)
	}
	// The browser drops the lock whenever the page is hidden: take it
	// again when the page is shown.
	visible := js.FuncOf(func(js.Value, []js.Value) any {
		if !released && js.Global().Get("document").Get("visibilityState").String() == "visible" {
			request()
		}
		return nil
	})
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "visibilitychange", visible)
	request()
	return func() {
		if released {
			return
		}
		released = true
		doc.Call("removeEventListener", "visibilitychange", visible)
		visible.Release()
		if sentinel.Truthy() {
			sentinel.Call("release").Call("catch", ignoreFieldRejection)
		}
		// got stays: a request in flight still calls it, and it releases
		// that lock. One small func per screen shown.
	}, true
}

func synth() js.Value { return js.Global().Get("speechSynthesis") }

// voice returns a speech synthesis voice for lang, or undefined.
func voice(lang string) js.Value {
	s := synth()
	if !s.Truthy() || !js.Global().Get("SpeechSynthesisUtterance").Truthy() {
		return js.Undefined()
	}
	voices := s.Call("getVoices")
	for i := 0; i < voices.Length(); i++ {
		v := voices.Index(i)
		if sameLanguage(v.Get("lang").String(), lang) {
			return v
		}
	}
	return js.Undefined()
}

func (d *jsDevice) HasVoice(lang string) bool { return voice(lang).Truthy() }

func (d *jsDevice) Speak(text, lang string) {
	d.StopAudio()
	v := voice(lang)
	if !v.Truthy() {
		return
	}
	u := js.Global().Get("SpeechSynthesisUtterance").New(text)
	u.Set("lang", v.Get("lang"))
	u.Set("voice", v)
	u.Set("rate", 0.9)
	synth().Call("speak", u)
}

func (d *jsDevice) PlayAudio(url string) {
	d.StopAudio()
	d.audio = js.Global().Get("Audio").New(url)
	d.audio.Call("play").Call("catch", ignoreFieldRejection)
}

func (d *jsDevice) StopAudio() {
	if s := synth(); s.Truthy() {
		s.Call("cancel")
	}
	if d.audio.Truthy() {
		d.audio.Call("pause")
		d.audio = js.Undefined()
	}
}

func (d *jsDevice) CopyText(text string, done func(bool)) {
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		done(false)
		return
	}
	var ok, fail js.Func
	finish := func(res bool) {
		ok.Release()
		fail.Release()
		done(res)
	}
	ok = js.FuncOf(func(js.Value, []js.Value) any { finish(true); return nil })
	fail = js.FuncOf(func(js.Value, []js.Value) any { finish(false); return nil })
	clip.Call("writeText", text).Call("then", ok, fail)
}
