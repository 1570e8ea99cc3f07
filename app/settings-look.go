package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// lookCard is the settings card for the text size (four steps, as a class
// on <html> that scales every rem) and "reduce motion". Native radio
// buttons and a checkbox: screen readers and keyboards know them. (No
// fieldset or select: every go-app element type used costs the wasm
// about 7 KB brotli.)
type lookCard struct {
	app.Compo
	localized

	look look
}

func newLookCard() *lookCard { return &lookCard{} }

func (c *lookCard) OnMount(ctx app.Context) {
	c.observePrefs(ctx)
	c.look = loadLook(browser)
}

func (c *lookCard) set(l look) {
	c.look = l
	saveLook(browser, l)
}

func (c *lookCard) Render() app.UI {
	if c.look.TextSize == "" {
		c.look = loadLook(browser)
	}
	return app.Section().Class("card").Body(
		app.H2().ID("textsize-heading").Text(c.T("settings.textsize")),
		app.Div().Class("choices").Role("radiogroup").Aria("labelledby", "textsize-heading").Body(
			app.Range(textSizes).Slice(func(i int) app.UI {
				size := textSizes[i]
				return app.Label().Class("choice textsize-"+size).Body(
					app.Input().Type("radio").Name("textsize").ID("textsize-"+size).Value(size).
						Checked(c.look.TextSize == size).
						OnChange(func(ctx app.Context, e app.Event) {
							l := c.look
							l.TextSize = size
							c.set(l)
						}),
					app.Span().Text(c.T("textsize."+size)),
				)
			}),
		),
		app.Label().Class("choice switch").Body(
			app.Input().Type("checkbox").ID("reduce-motion").Checked(c.look.ReduceMotion).
				OnChange(func(ctx app.Context, e app.Event) {
					l := c.look
					l.ReduceMotion = ctx.JSSrc().Get("checked").Bool()
					c.set(l)
				}),
			app.Span().Text(c.T("settings.motion")),
		),
	)
}
