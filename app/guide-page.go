package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// guidePage is the home screen: quick actions for a scene, then the field
// guide (filled by the content packs).
type guidePage struct {
	app.Compo
	page
}

func (g *guidePage) OnPreRender(ctx app.Context) { g.mountPage(ctx, "title.guide") }
func (g *guidePage) OnMount(ctx app.Context)     { g.mountPage(ctx, "title.guide") }

func (g *guidePage) Render() app.UI {
	return newShell().Route(RouteHome).Title(g.T("title.guide")).Content(
		app.P().Class("tagline").Text(g.T("app.tagline")),
		app.Div().Class("quick").Body(
			app.A().Class("quick-action primary").ID("quick-first-steps").Href(RouteHome+"#first-steps").Text(g.T("home.firststeps")),
			app.A().Class("quick-action").ID("quick-phrases").Href(RoutePhrases).Text(g.T("home.showphrases")),
		),
		app.P().Class("empty").Text(g.T("guide.empty")),
	)
}
