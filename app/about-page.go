package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// aboutPage says what the app is, its version, and where its content
// comes from: the guide's own "about" module (purpose, sources,
// translations), in the UI language or English.
type aboutPage struct {
	app.Compo
	page

	rev int // stateLibrary
}

func (a *aboutPage) OnPreRender(ctx app.Context) { a.mountPage(ctx, "title.about") }

func (a *aboutPage) OnMount(ctx app.Context) {
	a.mountPage(ctx, "title.about")
	ctx.ObserveState(stateLibrary, &a.rev)
}

func (a *aboutPage) Render() app.UI {
	g, fallback := guideFor(currentLibrary(), a.lang())
	mod := guideModule(g, moduleAbout)
	return newShell().Route(RouteSettings).Title(a.T("title.about")).Content(
		app.A().Class("back").ID("about-back").Href(RouteSettings).Text(a.T("about.back")),
		app.Section().Class("card").Body(
			app.H2().Text(a.T("app.name")),
			app.P().Text(a.T("app.tagline")),
			app.P().Class("version").Body(app.Text(a.T("settings.version")+" "), app.Span().ID("about-version").Dir("ltr").Text(Version)),
			app.P().Text(a.T("about.privacy")),
		),
		app.If(mod == nil, func() app.UI { return app.P().Class("empty").Text(a.T("guide.empty")) }).
			Else(func() app.UI {
				return app.Div().ID("about-sources").Body(
					a.guideNoticeFor(guideIsDraft(g), fallback),
					app.Div().Class("guide-module").Lang(g.Lang).Dir(g.Dir).Body(
						app.Range(mod.Sections).Slice(func(i int) app.UI {
							return newGuideSection(mod.Sections[i]).Labels(a.guideLabels())
						}),
					),
				)
			}),
	)
}
