package app

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
}

// browser is the platform the app runs on.
var browser platform = newPlatform()
