//go:build js && wasm

package app

import "syscall/js"

// SetRootClass adds or removes a class on <html> (look.go).
func (jsPlatform) SetRootClass(name string, on bool) {
	js.Global().Get("document").Get("documentElement").Get("classList").Call("toggle", name, on)
}
