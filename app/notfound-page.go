package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage is shown for an address the app does not have.
type notFoundPage struct {
	app.Compo
	page
}

func (p *notFoundPage) OnMount(ctx app.Context) { p.mountPage(ctx, "title.notfound") }

func (p *notFoundPage) Render() app.UI {
	return newShell().Title(p.T("title.notfound")).Content(
		app.P().Text(p.T("notfound.text")),
		app.A().Class("btn").Href(RouteHome).Text(p.T("notfound.home")),
	)
}
