//go:build js && wasm

package app

import (
	"syscall/js"
	"testing"
)

// The look's classes land on <html> in the browser, one text size at a
// time, and come back from storage (make test-wasm).
func TestLookOnTheDocument(t *testing.T) {
	p := newPlatform()
	classes := js.Global().Get("document").Get("documentElement").Get("classList")
	saveLook(p, look{TextSize: TextLarge, ReduceMotion: true})
	if !classes.Call("contains", "text-l").Bool() || !classes.Call("contains", classReduceMotion).Bool() {
		t.Errorf("classes after saving: %q", classes.Get("value").String())
	}
	saveLook(p, look{TextSize: TextSmall})
	if classes.Call("contains", "text-l").Bool() || !classes.Call("contains", "text-s").Bool() || classes.Call("contains", classReduceMotion).Bool() {
		t.Errorf("classes after a change: %q", classes.Get("value").String())
	}
	if got := loadLook(p); got != (look{TextSize: TextSmall}) {
		t.Errorf("loaded look = %+v", got)
	}
	saveLook(p, look{TextSize: TextNormal})
}
