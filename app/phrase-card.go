package app

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Favourites and the addressee, kept per device user in local storage.
const (
	storeFavourites = "firstline.favourites" // JSON list of "<set>/<phrase>"
	storeAddressee  = "firstline.addressee"  // "", "female", "male" or "child"
)

// Addressees a phrase may have a wording for ("" = anyone).
var addressees = []string{"", "female", "male", "child"}

// variantText is a phrase's text for the addressee, or its plain text
// where the language has no such wording.
func variantText(ph *phrases.Phrase, addressee string) string {
	if v := ph.Variants; v != nil {
		switch {
		case addressee == "female" && v.Female != "":
			return v.Female
		case addressee == "male" && v.Male != "":
			return v.Male
		case addressee == "child" && v.Child != "":
			return v.Child
		}
	}
	return ph.Text
}

func favourites(b platform) []string {
	var f []string
	json.Unmarshal([]byte(b.Get(storeFavourites)), &f)
	return f
}

// toggleFavourite adds or removes set/id and returns the new list.
func toggleFavourite(b platform, set, id string) []string {
	key := set + "/" + id
	f := favourites(b)
	if i := slices.Index(f, key); i >= 0 {
		f = slices.Delete(f, i, i+1)
	} else {
		f = append(f, key)
	}
	data, _ := json.Marshal(f)
	b.Set(storeFavourites, string(data))
	return f
}

// phraseCard is one phrase in the list: the officer's text, the text in
// the person's language and script, a draft badge, a favourite toggle.
// Tapping it opens the phrase full-screen for the person. It builds plain
// elements (UI), not a component: a list re-renders up to a hundred
// cards on every keystroke of a search, and go-app's per-component
// update costs more than the card itself.
type phraseCard struct {
	IPhrase     *phrases.Phrase
	ILang       string // the person's language
	IDir        string
	IAddressee  string
	IOfficer    string // the phrase in the officer's language
	IFavourite  bool
	IDraftLabel string
	IFavLabel   string
	IOnFav      func(ctx app.Context, id string)
}

func newPhraseCard() *phraseCard { return &phraseCard{} }

// Phrase sets the phrase, its language and direction.
func (c *phraseCard) Phrase(ph *phrases.Phrase, lang, dir string) *phraseCard {
	c.IPhrase, c.ILang, c.IDir = ph, lang, dir
	return c
}

// Addressee chooses the wording shown ("" = anyone).
func (c *phraseCard) Addressee(a string) *phraseCard { c.IAddressee = a; return c }

// Officer sets the phrase in the officer's language.
func (c *phraseCard) Officer(text string) *phraseCard { c.IOfficer = text; return c }

// Favourite sets whether the phrase is a favourite and what a tap on the
// star does.
func (c *phraseCard) Favourite(on bool, toggle func(ctx app.Context, id string)) *phraseCard {
	c.IFavourite, c.IOnFav = on, toggle
	return c
}

// Labels sets the draft badge's text and the favourite toggle's name.
func (c *phraseCard) Labels(draft, fav string) *phraseCard {
	c.IDraftLabel, c.IFavLabel = draft, fav
	return c
}

// UI returns the card's elements.
func (c *phraseCard) UI() app.UI {
	ph := c.IPhrase
	if ph == nil {
		return app.Li()
	}
	star := "☆"
	if c.IFavourite {
		star = "★"
	}
	return app.Li().Class("phrase-card").ID("phrase-"+ph.ID).Body(
		app.A().Class("phrase-open").ID("show-"+ph.ID).Href(showURL(c.ILang, ph.ID)).Body(
			app.If(c.IOfficer != "", func() app.UI {
				return app.Span().Class("phrase-officer").Text(c.IOfficer)
			}),
			app.Span().Class("phrase-victim").Lang(c.ILang).Dir(c.IDir).Text(variantText(ph, c.IAddressee)),
		),
		app.Div().Class("phrase-meta").Body(
			app.If(ph.Review.State != phrases.Reviewed, func() app.UI {
				return app.Span().Class("badge draft").Text(c.IDraftLabel)
			}),
			app.Button().Class("fav").ID("fav-"+ph.ID).DataSet("phrase", ph.ID).Aria("pressed", strconv.FormatBool(c.IFavourite)).
				Aria("label", c.IFavLabel).Title(c.IFavLabel).
				OnClick(func(ctx app.Context, e app.Event) {
					if c.IOnFav != nil {
						c.IOnFav(ctx, dataOf(ctx, "phrase"))
					}
				}).Body(app.Span().Aria("hidden", "true").Text(star)),
		),
	)
}
