package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// guideNotice tells the officer how far to trust what follows: that the
// guide is shown in English because their language has none, and that
// its translation is a draft no qualified person has reviewed.
type guideNotice struct {
	app.Compo

	IFallback string // the fallback notice, "" when the guide is in the UI language
	IDraft    string // the draft notice, "" when the guide is reviewed
}

func newGuideNotice() *guideNotice { return &guideNotice{} }

// Fallback sets the notice that the guide is in English.
func (n *guideNotice) Fallback(text string) *guideNotice { n.IFallback = text; return n }

// Draft sets the notice that the translation is a draft.
func (n *guideNotice) Draft(text string) *guideNotice { n.IDraft = text; return n }

func (n *guideNotice) Render() app.UI {
	if n.IFallback == "" && n.IDraft == "" {
		return app.Div().Class("hidden")
	}
	return app.Div().Class("notice").Role("note").Body(
		app.If(n.IFallback != "", func() app.UI { return app.P().ID("guide-fallback").Text(n.IFallback) }),
		app.If(n.IDraft != "", func() app.UI { return app.P().ID("draft-notice").Text(n.IDraft) }),
	)
}

// guideNoticeFor builds the notice of a guide read in UI language lang.
func (l *localized) guideNoticeFor(draft, fallback bool) *guideNotice {
	n := newGuideNotice()
	if fallback {
		n.Fallback(l.T("guide.fallback"))
	}
	if draft {
		n.Draft(l.T("draft.notice"))
	}
	return n
}
