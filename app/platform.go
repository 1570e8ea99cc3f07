package app

import "context"

// platform is every browser facility the components use, behind one small
// interface: platform_wasm.go has the real calls, platform_other.go an
// in-memory twin so that components compile and test natively.
type platform interface {
	// Get and Set read and write a string in the device's local storage.
	Get(key string) string
	Set(key, value string)
	// Languages are the user's preferred languages, most preferred first.
	Languages() []string
	// Online reports whether the browser thinks it has a network.
	Online() bool
	// OnConnectivity calls f whenever the network comes or goes; the
	// returned func stops it.
	OnConnectivity(f func(online bool)) (release func())
	// SetDocument sets <html lang dir data-theme>.
	SetDocument(lang, dir, theme string)
	// SetRootClass adds or removes a class on <html> (text size, reduce
	// motion; platform-look_*.go).
	SetRootClass(name string, on bool)
	// Wake Lock, speech, sound and the clipboard (platform_field*.go).
	fieldDevice
	// AppleMobile reports an iPhone or iPad browser, where installing is
	// done from the Share menu, and Standalone an app already installed.
	AppleMobile() bool
	Standalone() bool
	// StartedControlled reports whether a service worker served this page
	// (web/boot.js): without one, a worker activating now is the first
	// install, not an update to offer.
	StartedControlled() bool
	// CheckForUpdate asks the service worker registration to look for a
	// new version now.
	CheckForUpdate()

	// Content packs (store.go, sync.go; the calls in platform_packs_*.go).
	// The ones that wait for a promise block their goroutine: call them
	// from ctx.Async or a goroutine, never from the UI goroutine.

	// Fetch GETs a URL of the app's own origin with the given request
	// headers and returns once the response headers arrive; the body then
	// streams. Cancelling ctx aborts the request (AbortController).
	Fetch(ctx context.Context, url string, header map[string]string) (*fetchResponse, error)
	// CachePut, CacheGet, CacheDelete and CacheKeys use the packs' cache
	// in Cache Storage (packsCache), which the service worker keeps.
	CachePut(key string, data []byte, ctype string) error
	CacheGet(key string) ([]byte, bool, error)
	CacheDelete(key string) error
	CacheKeys() ([]string, error)
	// ObjectURL returns a blob: URL holding data (for <audio>).
	ObjectURL(data []byte, ctype string) string
	// PersistStorage asks the browser not to evict this origin's data.
	PersistStorage() bool
	// StorageEstimate reports the bytes used and the quota; ok is false
	// when the browser cannot say.
	StorageEstimate() (usage, quota int64, ok bool)
	// OnFileImport calls f with every file chosen in the file input with
	// the given id or dropped anywhere on the page; release stops it.
	OnFileImport(inputID string, f func(name string, data []byte, err error)) (release func())
}

// browser is the platform the app runs on.
var browser platform = newPlatform()
