package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// packsPage will list installed and available content packs.
type packsPage struct {
	app.Compo
	page
}

func (p *packsPage) OnPreRender(ctx app.Context) { p.mountPage(ctx, "title.packs") }
func (p *packsPage) OnMount(ctx app.Context)     { p.mountPage(ctx, "title.packs") }

func (p *packsPage) Render() app.UI {
	return newShell().Route(RoutePacks).Title(p.T("title.packs")).Content(
		app.P().Class("empty").ID("packs-count").Text(p.N("packs.installed", 0)),
		app.P().Class("empty").Text(p.T("packs.empty")),
	)
}
