package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// installCard offers to install the app where the browser allows it, and
// explains the Share menu on iPhone and iPad, which have no prompt.
type installCard struct {
	app.Compo

	IButton string
	IIOS    string

	installable bool
	apple       bool
}

func newInstallCard() *installCard { return &installCard{} }

func (c *installCard) Labels(button, ios string) *installCard {
	c.IButton, c.IIOS = button, ios
	return c
}

func (c *installCard) OnMount(ctx app.Context) { c.refresh(ctx) }

func (c *installCard) OnAppInstallChange(ctx app.Context) { c.refresh(ctx) }

func (c *installCard) refresh(ctx app.Context) {
	c.apple = browser.AppleMobile() && !browser.Standalone()
	c.installable = !c.apple && ctx.IsAppInstallable()
}

func (c *installCard) Render() app.UI {
	switch {
	case c.installable:
		return app.Section().Class("card").Body(
			app.Button().ID("install").Class("btn").Text(c.IButton).
				OnClick(func(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() }),
		)
	case c.apple:
		return app.Section().Class("card").Body(app.P().ID("install-ios").Text(c.IIOS))
	}
	return app.Div().Class("hidden")
}
