package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// addresseeChoice chooses whom the phrases address (anyone, a woman, a
// man, a child), for the languages whose wording changes with it.
type addresseeChoice struct {
	app.Compo
	localized

	IValue    string
	IOnChange func(ctx app.Context, addressee string)
}

func newAddresseeChoice() *addresseeChoice { return &addresseeChoice{} }

// Value sets the current addressee ("" = anyone).
func (a *addresseeChoice) Value(v string) *addresseeChoice { a.IValue = v; return a }

// OnChange sets what a choice does.
func (a *addresseeChoice) OnChange(f func(ctx app.Context, addressee string)) *addresseeChoice {
	a.IOnChange = f
	return a
}

func (a *addresseeChoice) OnMount(ctx app.Context) { a.observePrefs(ctx) }

func (a *addresseeChoice) Render() app.UI {
	return app.Div().Class("addressee").Role("radiogroup").Aria("labelledby", "addressee-label").Body(
		app.Span().Class("label").ID("addressee-label").Text(a.T("addressee.label")),
		app.Range(addressees).Slice(func(i int) app.UI {
			v := addressees[i]
			name := v
			if name == "" {
				name = "any"
			}
			return app.Button().Class("chip").ID("addressee-"+name).Role("radio").
				Aria("checked", strconv.FormatBool(a.IValue == v)).Text(a.T("addressee." + name)).
				OnClick(func(ctx app.Context, e app.Event) {
					a.IValue = v
					if a.IOnChange != nil {
						a.IOnChange(ctx, v)
					}
				})
		}),
	)
}
