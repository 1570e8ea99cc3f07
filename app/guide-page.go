package app

import (
	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guidePage is the home screen: quick actions for a scene (the first steps
// one tap away), the bookmarked guide items, then the guide's modules.
type guidePage struct {
	app.Compo
	page

	marks idSet
	rev   int // stateLibrary
}

func (g *guidePage) OnPreRender(ctx app.Context) { g.mountPage(ctx, "title.guide") }

func (g *guidePage) OnMount(ctx app.Context) {
	g.mountPage(ctx, "title.guide")
	g.marks = loadIDs(browser, storeBookmarks)
	ctx.ObserveState(stateLibrary, &g.rev)
}

// OnNav reads the bookmarks again when the user comes back home.
func (g *guidePage) OnNav(ctx app.Context) { g.marks = loadIDs(browser, storeBookmarks) }

func (g *guidePage) Render() app.UI {
	guide, fallback := guideFor(currentLibrary(), g.lang())
	return newShell().Route(RouteHome).Title(g.T("title.guide")).Content(
		app.P().Class("tagline").Text(g.T("app.tagline")),
		app.Div().Class("quick").Body(
			app.A().Class("quick-action primary").ID("quick-first-steps").Href(moduleRoute(moduleFirstSteps, "")).Text(g.T("home.firststeps")),
			app.A().Class("quick-action").ID("quick-phrases").Href(RoutePhrases).Text(g.T("home.showphrases")),
		),
		g.guide(guide, fallback),
	)
}

func (g *guidePage) guide(guide *phrases.Guide, fallback bool) app.UI {
	if guide == nil {
		return app.P().Class("empty").ID("guide-empty").Text(g.T("guide.empty"))
	}
	return app.Div().Body(
		g.guideNoticeFor(guideIsDraft(guide), fallback),
		newGuideBookmarks(guide, g.marks).Title(g.T("guide.bookmarks")),
		app.Nav().Class("modules").Aria("labelledby", "modules-heading").Body(
			app.H2().ID("modules-heading").Text(g.T("guide.modules")),
			app.Ul().Class("link-list").Lang(guide.Lang).Dir(guide.Dir).Body(app.Range(guide.Modules).Slice(func(i int) app.UI {
				m := guide.Modules[i]
				return app.Li().Body(app.A().Class("link-row").ID("module-"+m.ID).Href(moduleRoute(m.ID, "")).Body(
					app.Span().Class("row-title").Text(m.Title),
					app.If(m.Summary != "", func() app.UI { return app.Span().Class("row-sub").Text(m.Summary) }),
				))
			})),
		),
	)
}
