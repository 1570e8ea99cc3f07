package app

import (
	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// showAnswers are the big answer buttons the person taps, in their
// language, each with a symbol.
type showAnswers struct {
	app.Compo

	IPack      *phrases.PhrasePack
	IAnswers   []*phrases.Phrase
	IAddressee string
	ILabel     string
	IOnAnswer  func(ctx app.Context, id string)
}

func newShowAnswers() *showAnswers { return &showAnswers{} }

// Answers sets the person's pack, the answers to offer and the wording.
func (a *showAnswers) Answers(v *phrases.PhrasePack, list []*phrases.Phrase, addressee string) *showAnswers {
	a.IPack, a.IAnswers, a.IAddressee = v, list, addressee
	return a
}

// Label sets the accessible name of the group (officer's language).
func (a *showAnswers) Label(l string) *showAnswers { a.ILabel = l; return a }

// OnAnswer sets what a tap does.
func (a *showAnswers) OnAnswer(f func(ctx app.Context, id string)) *showAnswers {
	a.IOnAnswer = f
	return a
}

func (a *showAnswers) Render() app.UI {
	if len(a.IAnswers) == 0 || a.IPack == nil {
		return app.Div().Class("answers empty")
	}
	return app.Div().Class("answers").Role("group").Aria("label", a.ILabel).Body(
		app.Range(a.IAnswers).Slice(func(i int) app.UI {
			ans := a.IAnswers[i]
			sym := answerSymbols[ans.ID]
			return app.Button().Class("answer answer-"+ans.ID).ID("answer-"+ans.ID).DataSet("answer", ans.ID).
				Lang(a.IPack.Lang).Dir(a.IPack.Dir).
				OnClick(func(ctx app.Context, e app.Event) {
					if a.IOnAnswer != nil {
						a.IOnAnswer(ctx, dataOf(ctx, "answer"))
					}
				}).Body(
				app.If(sym != "", func() app.UI {
					return app.Span().Class("answer-symbol").Aria("hidden", "true").Text(sym)
				}),
				app.Span().Class("answer-text").Text(variantText(ans, a.IAddressee)),
			)
		}),
	)
}
