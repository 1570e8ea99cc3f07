package app

import (
	"slices"
	"strconv"
	"time"

	"github.com/firstline/firstline/locales"
	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// officerPack is the phrase set in the officer's language, else in the
// source language, or nil.
func officerPack(set, ui string) *phrases.PhrasePack {
	lib := currentLibrary()
	if p := lib.Phrases(set, ui); p != nil {
		return p
	}
	return lib.Phrases(set, locales.Source)
}

// officerText is a phrase in the officer's language (see officerPack), or
// its ID when no pack has it.
func officerText(set, ui, id string) string {
	if p := officerPack(set, ui); p != nil {
		for i := range p.Phrases {
			if p.Phrases[i].ID == id {
				return p.Phrases[i].Text
			}
		}
	}
	return id
}

// firstOf is the first phrase of a category in p, or "".
func firstOf(p *phrases.PhrasePack, category string) string {
	for _, ph := range p.Phrases {
		if ph.Category == category {
			return ph.ID
		}
	}
	return ""
}

// phrasesPage is the phrase browser: the person's language, the addressee,
// search as you type, the categories and favourites, the phrases, and the
// conversation log.
type phrasesPage struct {
	app.Compo
	page

	victim    string
	addressee string
	favs      []string
	category  string // "" all, "*" favourites
	query     string
	index     *searchIndex
	indexKey  string
}

func (p *phrasesPage) OnPreRender(ctx app.Context) { p.mountPage(ctx, "title.phrases") }

func (p *phrasesPage) OnMount(ctx app.Context) {
	p.mountPage(ctx, "title.phrases")
	p.victim = browser.Get(storeVictimLang)
	if p.victim == "" {
		p.victim = victimLangDefault(browser) // Settings: the language to open with
	}
	p.addressee = browser.Get(storeAddressee)
	p.favs = favourites(browser)
	ctx.ObserveState(stateLibrary, new(int))
}

// pack is the person's installed pack, or nil.
func (p *phrasesPage) pack() *phrases.PhrasePack {
	if p.victim == "" {
		return nil
	}
	return currentLibrary().Phrases(DefaultSet, p.victim)
}

// search runs the query over the person's and the officer's texts; the
// index is made once per pair of languages.
func (p *phrasesPage) search(v *phrases.PhrasePack) []*phrases.Phrase {
	if key := v.Lang + "|" + p.lang(); p.index == nil || key != p.indexKey {
		p.index, p.indexKey = newSearchIndex(officerPack(DefaultSet, p.lang()), v), key
	}
	var out []*phrases.Phrase
	for _, e := range p.index.find(p.query, nil) {
		out = append(out, e.phrase)
	}
	return out
}

// browse lists the phrases of the chosen category (or the favourites),
// never the answers, which come with their questions.
func (p *phrasesPage) browse(v *phrases.PhrasePack) []*phrases.Phrase {
	var out []*phrases.Phrase
	for i := range v.Phrases {
		ph := &v.Phrases[i]
		switch {
		case ph.Kind == phrases.KindAnswer:
		case p.category == "*" && !slices.Contains(p.favs, v.Set+"/"+ph.ID):
		case p.category != "" && p.category != "*" && ph.Category != p.category:
		default:
			out = append(out, ph)
		}
	}
	return out
}

func (p *phrasesPage) Render() app.UI {
	v := p.pack()
	return newShell().Route(RoutePhrases).Title(p.T("title.phrases")).Content(
		app.If(v == nil, func() app.UI { return p.noLanguage() }).Else(func() app.UI { return p.browser(v) }),
		newConversationLog(),
	)
}

func (p *phrasesPage) noLanguage() app.UI {
	if len(currentLibrary().PhraseLangs(DefaultSet)) == 0 {
		return app.P().Class("empty").Text(p.T("phrases.empty"))
	}
	return app.A().Class("quick-action primary").ID("choose-language").Href(RouteLanguage).Text(p.T("phrases.lang.choose"))
}

func (p *phrasesPage) browser(v *phrases.PhrasePack) app.UI {
	searching := p.query != ""
	var took time.Duration // the search's own time, for make bench
	list := p.browse(v)
	if searching {
		start := time.Now()
		list = p.search(v)
		took = time.Since(start)
	}
	return app.Div().Class("phrases").DataSet("search-us", took.Microseconds()).Body(
		app.Div().Class("victim-lang").Body(
			app.Span().Class("label").Text(p.T("phrases.lang.label")),
			app.Span().Class("victim-lang-name").ID("victim-lang").Lang(v.Lang).Dir(v.Dir).Text(langName(v.Lang, "self")),
			app.A().Class("btn").ID("change-language").Href(RouteLanguage).Text(p.T("phrases.lang.change")),
		),
		app.Div().Class("phrase-quick").Body(
			app.A().Class("quick-action").ID("show-opening").Href(showURL(v.Lang, firstOf(v, "opening"))).Text(p.T("phrases.opening")),
			app.A().Class("quick-action").ID("show-closing").Href(showURL(v.Lang, firstOf(v, "closing"))).Text(p.T("phrases.closing")),
		),
		app.If(hasVariants(v), func() app.UI {
			return newAddresseeChoice().Value(p.addressee).OnChange(func(ctx app.Context, a string) {
				p.addressee = a
				browser.Set(storeAddressee, a)
			})
		}),
		newSearchBox().Label(p.T("phrases.search")).Value(p.query).OnSearch(func(ctx app.Context, q string) { p.query = q }),
		app.If(!searching, func() app.UI { return p.categories(v) }),
		newPhraseList().Phrases(v, list).Grouped(!searching).Addressee(p.addressee).
			Favourites(p.favs, func(ctx app.Context, id string) { p.favs = toggleFavourite(browser, DefaultSet, id) }),
	)
}

// categories are the category filter: all, favourites, each category.
func (p *phrasesPage) categories(v *phrases.PhrasePack) app.UI {
	type chip struct{ id, title string }
	chips := []chip{{"", p.T("phrases.all")}, {"*", "★ " + p.T("phrases.favourites")}}
	for _, c := range v.Categories {
		if c.ID != "answers" {
			chips = append(chips, chip{c.ID, categoryTitle(v, p.lang(), c.ID)})
		}
	}
	return app.Div().Class("chips").Role("group").Aria("label", p.T("phrases.categories")).Body(
		app.Range(chips).Slice(func(i int) app.UI {
			c := chips[i]
			return app.Button().Class("chip").ID("cat-"+strconv.Itoa(i)).DataSet("category", c.id).
				Aria("pressed", strconv.FormatBool(p.category == c.id)).Text(c.title).
				OnClick(func(ctx app.Context, e app.Event) { p.category = dataOf(ctx, "category") })
		}),
	)
}
