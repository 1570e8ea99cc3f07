package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// updateCheckEvery is how often a running app asks for a new version.
const updateCheckEvery = 5 * time.Minute

// shell is the frame every page sits in: header with the app name and the
// network status, the update banner, the page content and the bottom
// navigation. Pages compose it: newShell().Route(r).Title(t).Content(...).
type shell struct {
	app.Compo
	localized

	IRoute   string
	ITitle   string
	IContent []app.UI

	online     bool
	updateable bool
	release    func()
}

func newShell() *shell { return &shell{online: true} }

// Route sets the route of the page, to mark its navigation tab.
func (s *shell) Route(r string) *shell { s.IRoute = r; return s }

// Title sets the page heading (already translated).
func (s *shell) Title(t string) *shell { s.ITitle = t; return s }

// Content sets the page body.
func (s *shell) Content(ui ...app.UI) *shell { s.IContent = ui; return s }

func (s *shell) OnMount(ctx app.Context) {
	s.observePrefs(ctx)
	s.online = browser.Online()
	s.updateable = s.updateReady(ctx)
	s.release = browser.OnConnectivity(func(online bool) {
		ctx.Dispatch(func(ctx app.Context) {
			s.online = online
			if online {
				browser.CheckForUpdate()
			}
		})
	})
	browser.CheckForUpdate()
	s.scheduleUpdateCheck(ctx)
}

// scheduleUpdateCheck asks for a new version every few minutes while the
// shell is on screen.
func (s *shell) scheduleUpdateCheck(ctx app.Context) {
	ctx.After(updateCheckEvery, func(ctx app.Context) {
		if !s.Mounted() {
			return
		}
		browser.CheckForUpdate()
		s.scheduleUpdateCheck(ctx)
	})
}

func (s *shell) OnDismount() {
	if s.release != nil {
		s.release()
	}
}

func (s *shell) OnAppUpdate(ctx app.Context) {
	s.updateable = s.updateReady(ctx)
}

// updateReady reports a new version waiting for a reload. go-app also
// reports the very first worker's activation, which is no update.
func (s *shell) updateReady(ctx app.Context) bool {
	return ctx.AppUpdateAvailable() && browser.StartedControlled()
}

func (s *shell) Render() app.UI {
	return app.Div().Class("shell").Body(
		app.Header().Class("top").Body(
			app.A().Class("brand").Href(RouteHome).Body(
				// go-app drops an empty alt: role presentation marks the
				// icon decorative (the name follows it as text).
				app.Img().Src("/web/icon.svg").Role("presentation").Class("brand-icon"),
				app.Span().Text(s.T("app.name")),
			),
			newStatusBadge().Online(s.online).Label(s.T("status.online"), s.T("status.offline"), s.T("status.offline.hint")),
		),
		app.If(s.updateable, func() app.UI {
			return app.Div().Class("banner").Aria("live", "polite").Body(
				app.Span().Text(s.T("update.available")),
				app.Button().Class("btn").ID("update-reload").Text(s.T("update.reload")).
					OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
			)
		}),
		app.Main().ID("main").Class("content").Body(
			app.H1().Class("page-title").Text(s.ITitle),
			app.Div().Body(s.IContent...),
		),
		newBottomNav().Current(s.IRoute).Labels(s.T("nav.label"), s.labels()),
	)
}

func (s *shell) labels() []string {
	out := make([]string, len(sections))
	for i, sec := range sections {
		out[i] = s.T(sec.label)
	}
	return out
}
