package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// victimLangCard chooses the language the phrase screens open with: one
// of the phrase languages installed here, each by its own name, or none
// (ask each time).
type victimLangCard struct {
	app.Compo
	localized

	current string
	rev     int // stateLibrary
}

func newVictimLangCard() *victimLangCard { return &victimLangCard{} }

func (c *victimLangCard) OnMount(ctx app.Context) {
	c.observePrefs(ctx)
	c.current = victimLangDefault(browser)
	ctx.ObserveState(stateLibrary, &c.rev)
}

func (c *victimLangCard) Render() app.UI {
	langs := orderLangs(currentLibrary().PhraseLangs(DefaultSet), nil, "self")
	return app.Section().Class("card").Body(
		app.Label().For("victim-lang").Class("field-label").Text(c.T("settings.victimlang")),
		app.Select().ID("victim-lang").Class("select").Aria("describedby", "victim-lang-hint").
			OnChange(func(ctx app.Context, e app.Event) {
				c.current = ctx.JSSrc().Get("value").String()
				browser.Set(storeVictimDefault, c.current)
			}).Body(
			app.Option().Value("").Selected(c.current == "").Text(c.T("settings.victimlang.none")),
			app.Range(langs).Slice(func(i int) app.UI {
				l := langs[i]
				return app.Option().Value(l).Lang(l).Selected(c.current == l).Text(langName(l, "self"))
			}),
		),
		app.P().ID("victim-lang-hint").Class("hint").Text(c.T("settings.victimlang.hint")),
	)
}
