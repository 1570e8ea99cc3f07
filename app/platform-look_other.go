//go:build !(js && wasm)

package app

// rootClassKey is where the native twin records a class of <html>: in its
// store, so a test reads it with Get.
func rootClassKey(name string) string { return "<html>." + name }

// SetRootClass records a class of <html> (look.go).
func (p *memPlatform) SetRootClass(name string, on bool) {
	v := ""
	if on {
		v = "1"
	}
	p.Set(rootClassKey(name), v)
}
