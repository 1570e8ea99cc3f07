package app

import (
	"slices"

	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// phraseList shows phrases of the person's pack as cards, under their
// category's heading (in the officer's language) when browsing, in one
// list when they are search results.
type phraseList struct {
	app.Compo
	localized

	IPack       *phrases.PhrasePack
	IPhrases    []*phrases.Phrase
	IGrouped    bool
	IAddressee  string
	IFavourites []string
	IOnFav      func(ctx app.Context, id string)
}

func newPhraseList() *phraseList { return &phraseList{} }

// Phrases sets the person's pack and the phrases of it to list, in order.
func (l *phraseList) Phrases(p *phrases.PhrasePack, list []*phrases.Phrase) *phraseList {
	l.IPack, l.IPhrases = p, list
	return l
}

// Grouped shows category headings.
func (l *phraseList) Grouped(g bool) *phraseList { l.IGrouped = g; return l }

// Addressee chooses the wording shown.
func (l *phraseList) Addressee(a string) *phraseList { l.IAddressee = a; return l }

// Favourites sets the favourite keys ("<set>/<phrase>") and what a tap on
// a star does.
func (l *phraseList) Favourites(f []string, toggle func(ctx app.Context, id string)) *phraseList {
	l.IFavourites, l.IOnFav = f, toggle
	return l
}

func (l *phraseList) OnMount(ctx app.Context) { l.observePrefs(ctx) }

func (l *phraseList) Render() app.UI {
	p := l.IPack
	if p == nil || len(l.IPhrases) == 0 {
		return app.P().Class("empty").ID("phrases-none").Text(l.T("phrases.noresults"))
	}
	// Runs of phrases of one category, each under its heading.
	var groups [][]*phrases.Phrase
	for i, ph := range l.IPhrases {
		if i == 0 || !l.IGrouped || ph.Category != l.IPhrases[i-1].Category {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], ph)
	}
	return app.Div().Class("phrase-list").Body(app.Range(groups).Slice(func(g int) app.UI {
		list := groups[g]
		return app.Section().Class("phrase-group").Body(
			app.If(l.IGrouped, func() app.UI {
				return app.H2().Class("category-title").Text(categoryTitle(p, l.lang(), list[0].Category))
			}),
			app.Ul().Class("phrase-cards").Body(app.Range(list).Slice(func(i int) app.UI {
				ph := list[i]
				return newPhraseCard().Phrase(ph, p.Lang, p.Dir).Addressee(l.IAddressee).
					Officer(l.officer(ph.ID)).
					Labels(l.T("phrases.draft"), l.T("phrases.favourite")).
					Favourite(slices.Contains(l.IFavourites, p.Set+"/"+ph.ID), l.IOnFav).UI()
			})),
		)
	}))
}

// officer is the phrase in the officer's language, unless that is the
// person's language too.
func (l *phraseList) officer(id string) string {
	if l.IPack.Lang == l.lang() {
		return ""
	}
	return officerText(l.IPack.Set, l.lang(), id)
}

// categoryTitle is a category's title in the officer's language ui, or in
// the person's (v) when the officer's pack is not installed.
func categoryTitle(v *phrases.PhrasePack, ui, id string) string {
	if p := officerPack(v.Set, ui); p != nil {
		for _, c := range p.Categories {
			if c.ID == id {
				return c.Title
			}
		}
	}
	for _, c := range v.Categories {
		if c.ID == id {
			return c.Title
		}
	}
	return id
}
