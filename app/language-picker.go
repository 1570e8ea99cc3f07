package app

import (
	_ "embed"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The person's (victim's) language: chosen on the "tap your language"
// screen, kept with the most recent choices first.
const (
	storeVictimLang   = "firstline.victim.lang"
	storeVictimRecent = "firstline.victim.recent" // JSON list, most recent first
	recentLangs       = 5
)

// endonyms.json: each language's name in its own script ("self") and in
// each UI language, from CLDR (made by endonyms_gen.go).
//
//go:embed endonyms.json
var endonymsJSON []byte

var (
	endonymsOnce sync.Once
	endonyms     map[string]map[string]string
)

// langName is tag's name in the language ui ("self": in its own), or the
// tag itself when CLDR has none.
func langName(tag, ui string) string {
	endonymsOnce.Do(func() { json.Unmarshal(endonymsJSON, &endonyms) })
	if n := endonyms[tag][ui]; n != "" {
		return n
	}
	return tag
}

// chooseVictimLang stores lang as the person's language, first among the
// recent ones.
func chooseVictimLang(b platform, lang string) {
	recent := slices.DeleteFunc(recentVictimLangs(b), func(l string) bool { return l == lang })
	recent = append([]string{lang}, recent...)
	if len(recent) > recentLangs {
		recent = recent[:recentLangs]
	}
	data, _ := json.Marshal(recent)
	b.Set(storeVictimLang, lang)
	b.Set(storeVictimRecent, string(data))
}

func recentVictimLangs(b platform) []string {
	var r []string
	json.Unmarshal([]byte(b.Get(storeVictimRecent)), &r)
	return r
}

// orderLangs puts the recent languages first (most recent first), then
// the others by their name in the UI language.
func orderLangs(installed, recent []string, ui string) []string {
	var out []string
	for _, l := range recent {
		if slices.Contains(installed, l) {
			out = append(out, l)
		}
	}
	rest := slices.DeleteFunc(slices.Clone(installed), func(l string) bool { return slices.Contains(out, l) })
	sort.Slice(rest, func(i, j int) bool { return langName(rest[i], ui) < langName(rest[j], ui) })
	return append(out, rest...)
}

// languagePicker is the "tap your language" screen, made so that the
// person can use it: every installed language by its own name in its own
// script, large targets, a search by either name, recent ones first.
type languagePicker struct {
	app.Compo
	page

	query string
}

func (p *languagePicker) OnPreRender(ctx app.Context) { p.mountPage(ctx, "language.title") }
func (p *languagePicker) OnMount(ctx app.Context) {
	p.mountPage(ctx, "language.title")
	ctx.ObserveState(stateLibrary, new(int))
}

func (p *languagePicker) Render() app.UI {
	ui := p.lang()
	langs := orderLangs(currentLibrary().PhraseLangs(DefaultSet), recentVictimLangs(browser), ui)
	nRecent := 0
	for _, l := range recentVictimLangs(browser) {
		if slices.Contains(langs, l) {
			nRecent++
		}
	}
	q := fold(strings.TrimSpace(p.query))
	var shown []string
	for _, l := range langs {
		if q == "" || strings.Contains(fold(langName(l, "self")), q) || strings.Contains(fold(langName(l, ui)), q) ||
			strings.HasPrefix(strings.ToLower(l), q) {
			shown = append(shown, l)
		}
	}
	return newShell().Route(RoutePhrases).Title(p.T("language.title")).Content(
		app.If(len(langs) == 0, func() app.UI {
			return app.P().Class("empty").Text(p.T("phrases.empty"))
		}),
		app.Div().Class("search").Role("search").Body(
			app.Input().Type("search").ID("language-search").Class("search-input").
				Aria("label", p.T("language.search")).Placeholder("%s", p.T("language.search")).
				Value(p.query).AutoComplete(false).Spellcheck(false).
				OnInput(func(ctx app.Context, e app.Event) { p.query = ctx.JSSrc().Get("value").String() }),
		),
		app.Ul().Class("language-list").Aria("label", p.T("language.title")).Body(
			app.Range(shown).Slice(func(i int) app.UI {
				l := shown[i]
				cls := "language"
				if q == "" && i < nRecent {
					cls += " recent"
				}
				return app.Li().Body(app.Button().ID("victim-lang-"+l).Class(cls).DataSet("lang", l).
					OnClick(func(ctx app.Context, e app.Event) {
						chooseVictimLang(browser, dataOf(ctx, "lang"))
						ctx.Navigate(RoutePhrases)
					}).Body(
					app.Span().Class("language-self").Lang(l).Dir(packDir(l)).Text(langName(l, "self")),
					app.If(langName(l, ui) != langName(l, "self"), func() app.UI {
						return app.Span().Class("language-ui").Text(langName(l, ui))
					}),
				))
			}),
		),
	)
}

// packDir is the writing direction of the installed phrase pack in lang.
func packDir(lang string) string {
	if p := currentLibrary().Phrases(DefaultSet, lang); p != nil && p.Dir != "" {
		return p.Dir
	}
	return "auto"
}

// dataOf reads a data-* attribute of the element an event came from.
// Handlers made in a Range read what they act on from the element, not
// from the loop: go-app keeps an element's first handler when the list
// under it changes, with the loop variable of its first render.
func dataOf(ctx app.Context, key string) string {
	return ctx.JSSrc().Get("dataset").Get(key).String()
}
