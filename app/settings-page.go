package app

import (
	"strconv"

	"github.com/firstline/firstline/locales"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Version is the app's version, set by the wasm main from the server's
// build (go-app's GOAPP_VERSION).
var Version = "dev"

// settingsPage lets the user choose the UI language and the appearance,
// and install the app.
type settingsPage struct {
	app.Compo
	page
}

func (s *settingsPage) OnPreRender(ctx app.Context) { s.mountPage(ctx, "title.settings") }
func (s *settingsPage) OnMount(ctx app.Context)     { s.mountPage(ctx, "title.settings") }

func (s *settingsPage) Render() app.UI {
	cat := locales.Default()
	return newShell().Route(RouteSettings).Title(s.T("title.settings")).Content(
		app.Section().Class("card").Body(
			app.H2().ID("lang-heading").Text(s.T("settings.language")),
			app.Div().Class("choices").Role("radiogroup").Aria("labelledby", "lang-heading").Body(
				s.choice("lang-auto", "", s.T("settings.language.auto"), "", s.prefs.Choice == "", func(ctx app.Context) {
					p := s.prefs
					p.Choice = ""
					setPrefs(ctx, p)
				}),
				app.Range(cat.Langs).Slice(func(i int) app.UI {
					l := cat.Langs[i]
					return s.choice("lang-"+l.Tag, l.Tag, l.Name, l.Dir, s.prefs.Choice == l.Tag, func(ctx app.Context) {
						p := s.prefs
						p.Choice = l.Tag
						setPrefs(ctx, p)
					})
				}),
			),
		),
		app.Section().Class("card").Body(
			app.H2().ID("theme-heading").Text(s.T("settings.theme")),
			app.Div().Class("choices").Role("radiogroup").Aria("labelledby", "theme-heading").Body(
				app.Range([]string{ThemeSystem, ThemeLight, ThemeDark}).Slice(func(i int) app.UI {
					theme := []string{ThemeSystem, ThemeLight, ThemeDark}[i]
					return s.choice("theme-"+theme, "", s.T("theme."+theme), "", s.prefs.Theme == theme, func(ctx app.Context) {
						p := s.prefs
						p.Theme = theme
						setPrefs(ctx, p)
					})
				}),
			),
		),
		newLookCard(),
		newVictimLangCard(),
		newInstallCard().Labels(s.T("install.button"), s.T("install.ios")),
		app.A().Class("link-row about-link").ID("about-link").Href(RouteAbout).Body(
			app.Span().Class("row-title").Text(s.T("settings.about")),
		),
		app.P().Class("version").Text(s.T("settings.version")+" "+Version),
	)
}

// choice is one option of a radio group: a large button that shows its
// state to screen readers. lang and dir mark text in another language.
func (s *settingsPage) choice(id, lang, text, dir string, checked bool, pick func(app.Context)) app.UI {
	b := app.Button().ID(id).Class("choice").Role("radio").Aria("checked", strconv.FormatBool(checked)).Text(text).
		OnClick(func(ctx app.Context, e app.Event) { pick(ctx) })
	if lang != "" {
		b = b.Lang(lang).Dir(dir)
	}
	return b
}
