package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// victimLangCard chooses the language the phrase screens open with: one
// of the phrase languages installed here, each by its own name in its own
// script, or none (ask each time). The list folds away under its current
// choice: with 40 languages it would fill the settings.
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

func (c *victimLangCard) pick(lang string) {
	c.current = lang
	browser.Set(storeVictimDefault, lang)
}

func (c *victimLangCard) Render() app.UI {
	if c.current == "" {
		c.current = victimLangDefault(browser)
	}
	langs := orderLangs(currentLibrary().PhraseLangs(DefaultSet), nil, "self")
	name := c.T("settings.victimlang.none")
	if c.current != "" {
		name = langName(c.current, "self")
	}
	return app.Section().Class("card").Body(
		app.H2().ID("default-lang-heading").Text(c.T("settings.victimlang")),
		app.Details().Class("fold").Body(
			app.Summary().ID("default-lang").Class("choice").Body(app.Span().Lang(c.current).Text(name)),
			app.Div().Class("choices").Role("radiogroup").Aria("labelledby", "default-lang-heading").Aria("describedby", "default-lang-hint").Body(
				c.option("", c.T("settings.victimlang.none")),
				app.Range(langs).Slice(func(i int) app.UI { return c.option(langs[i], langName(langs[i], "self")) }),
			),
		),
		app.P().ID("default-lang-hint").Class("hint").Text(c.T("settings.victimlang.hint")),
	)
}

// option is one language: a native radio button in a large label.
func (c *victimLangCard) option(lang, name string) app.UI {
	id := "default-" + lang
	if lang == "" {
		id = "default-none"
	}
	l := app.Label().Class("choice")
	if lang != "" {
		l = l.Lang(lang)
	}
	return l.Body(
		app.Input().Type("radio").Name("default-lang").ID(id).Value(lang).Checked(c.current == lang).
			OnChange(func(ctx app.Context, e app.Event) { c.pick(lang) }),
		app.Span().Text(name),
	)
}
