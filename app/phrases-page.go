package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// phrasesPage will hold the phrase browser and the show-to-victim mode.
type phrasesPage struct {
	app.Compo
	page
}

func (p *phrasesPage) OnPreRender(ctx app.Context) { p.mountPage(ctx, "title.phrases") }
func (p *phrasesPage) OnMount(ctx app.Context)     { p.mountPage(ctx, "title.phrases") }

func (p *phrasesPage) Render() app.UI {
	return newShell().Route(RoutePhrases).Title(p.T("title.phrases")).Content(
		app.P().Class("empty").Text(p.T("phrases.empty")),
	)
}
