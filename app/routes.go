// Package app is firstline's user interface: go-app components and the
// small client services they use. It compiles into the wasm and, for tests
// and server-side prerendering, natively.
package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Routes of the app, declared once.
const (
	RouteHome     = "/"
	RoutePhrases  = "/phrases"
	RoutePacks    = "/packs"
	RouteSettings = "/settings"
	RouteLanguage = "/phrases/language" // "tap your language" (language-picker.go)
	// RouteShow + "<lang>/<phrase>" shows a phrase full-screen (show-page.go).
	RouteShow  = "/show/"
	RouteAbout = "/about"

	// RouteGuidePrefix + a module ID is a guide module (guide-module-page.go).
	RouteGuidePrefix = "/guide/"
)

// Routes lists every route, for the server (prerendering and the service
// worker's navigation fallback) and for tests.
var Routes = []string{RouteHome, RoutePhrases, RoutePacks, RouteSettings, RouteLanguage, RouteAbout, RouteGuidePrefix + moduleFirstSteps}

// section is one entry of the bottom navigation.
type section struct {
	route string
	label string // message ID of the tab label
	title string // message ID of the page title
	icon  string // inline SVG path data, so no icon font is fetched
}

var sections = []section{
	{RouteHome, "nav.guide", "title.guide", "M4 4h11a3 3 0 0 1 3 3v13H7a3 3 0 0 1-3-3zm3 13h9V7a1 1 0 0 0-1-1H6v10.2A3 3 0 0 1 7 16z"},
	{RoutePhrases, "nav.phrases", "title.phrases", "M4 4h16v11H8l-4 4zm3 4v2h10V8zm0 3v2h7v-2z"},
	{RoutePacks, "nav.packs", "title.packs", "M12 3 3 7.5v9L12 21l9-4.5v-9zm0 2.2 6.2 3.1L12 11.4 5.8 8.3zM5 10l6 3v5.6l-6-3zm8 8.6V13l6-3v5.6z"},
	{RouteSettings, "nav.settings", "title.settings", "M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm-1-6h2l.5 2.6 2 .9 2.2-1.5 1.4 1.4-1.5 2.2.9 2 2.6.5v2l-2.6.5-.9 2 1.5 2.2-1.4 1.4-2.2-1.5-2 .9L13 22h-2l-.5-2.6-2-.9-2.2 1.5-1.4-1.4 1.5-2.2-.9-2L2 13v-2l2.6-.5.9-2L4 6.3l1.4-1.4 2.2 1.5 2-.9z"},
}

// Register maps every route to its page. Call it once, before
// app.RunWhenOnBrowser in the wasm and before serving on the server.
func Register() {
	// withPacks (sync-agent.go) lets the packs service update the screens.
	app.Route(RouteHome, withPacks(func() app.Composer { return &guidePage{} }))
	app.Route(RoutePhrases, withPacks(func() app.Composer { return &phrasesPage{} }))
	app.Route(RoutePacks, withPacks(func() app.Composer { return &packsPage{} }))
	app.Route(RouteSettings, withPacks(func() app.Composer { return &settingsPage{} }))
	app.Route(RouteLanguage, withPacks(func() app.Composer { return &languagePicker{} }))
	app.RouteWithRegexp("^"+RouteShow+"[A-Za-z0-9-]+/[a-z0-9_.-]+$", withPacks(func() app.Composer { return &showPage{} }))
	app.Route(RouteAbout, withPacks(func() app.Composer { return &aboutPage{} }))
	app.RouteWithRegexp("^"+RouteGuidePrefix+"[a-z0-9_-]+$", withPacks(func() app.Composer { return &guideModulePage{} }))
	applyStoredLook()
	app.NotFound = &notFoundPage{}
}
