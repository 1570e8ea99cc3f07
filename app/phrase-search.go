package app

//go:generate go run fold_gen.go
//go:generate go run endonyms_gen.go

import (
	"sort"
	"strings"
	"unicode"

	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// fold returns s in the form search compares: lower case, diacritics
// removed (é→e, ё→е, أ→ا), Arabic vowel marks and tatweel dropped, and the
// Arabic and Persian forms of yeh and kaf made one. It uses the standard
// library's unicode tables and a generated decomposition table
// (fold_table.go) instead of x/text/unicode/norm, which the wasm would pay
// for on every phone.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		r = unicode.ToLower(r)
		if ignorable(r) {
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// ignorable reports marks that search ignores: combining diacritics of
// the Latin, Greek, Cyrillic, Hebrew and Arabic scripts, Arabic tatweel,
// zero-width joiners and the soft hyphen. The marks of the scripts of
// South and South-East Asia are vowels, not accents, and are kept.
func ignorable(r rune) bool {
	switch {
	case r >= 0x0300 && r <= 0x036F, r >= 0x0483 && r <= 0x0489, r >= 0x0591 && r <= 0x05C7,
		r >= 0x0610 && r <= 0x061A, r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED,
		r >= 0x1AB0 && r <= 0x1AFF, r >= 0x1DC0 && r <= 0x1DFF, r >= 0x20D0 && r <= 0x20FF, r >= 0xFE20 && r <= 0xFE2F:
		return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)
	case r == 0x0640, r == 0x200C, r == 0x200D, r == 0x00AD:
		return true
	}
	return false
}

// foldRune maps a precomposed letter to its base letter, and letters
// typed interchangeably to one.
func foldRune(r rune) rune {
	switch r {
	case 'ı':
		return 'i'
	case 'ς':
		return 'σ'
	case 'ي', 'ى', 'ی', 'ې', 'ۍ': // Arabic, Persian, Pashto yeh
		return 'ی'
	case 'ك':
		return 'ک'
	case 'ة':
		return 'ه'
	case '’', 'ʼ', 'ʻ', '‘':
		return '\''
	}
	if i := sort.Search(len(foldPairs), func(i int) bool { return foldPairs[i][0] >= r }); i < len(foldPairs) && foldPairs[i][0] == r {
		return foldPairs[i][1]
	}
	return r
}

// searchEntry is one phrase of one victim language, with the folded texts
// search looks in: the officer's and the victim's, every variant, the
// transliteration.
type searchEntry struct {
	lang   string
	phrase *phrases.Phrase
	text   string
}

// searchIndex holds the folded texts of the phrases of one or more victim
// languages, made once when the languages are chosen, never per keystroke.
type searchIndex struct {
	entries []searchEntry
}

// newSearchIndex indexes the phrases of the victims' packs a person is
// asked or told (answers are reached from their questions), with the
// officer's text of each from officer (which may be nil).
func newSearchIndex(officer *phrases.PhrasePack, victims ...*phrases.PhrasePack) *searchIndex {
	own := map[string]*phrases.Phrase{}
	if officer != nil {
		for i := range officer.Phrases {
			own[officer.Phrases[i].ID] = &officer.Phrases[i]
		}
	}
	x := &searchIndex{}
	var b strings.Builder
	for _, v := range victims {
		if v == nil {
			continue
		}
		for i := range v.Phrases {
			ph := &v.Phrases[i]
			if ph.Kind == phrases.KindAnswer {
				continue
			}
			b.Reset()
			writeTexts(&b, ph)
			if o := own[ph.ID]; o != nil && officer.Lang != v.Lang {
				writeTexts(&b, o)
			}
			x.entries = append(x.entries, searchEntry{lang: v.Lang, phrase: ph, text: fold(b.String())})
		}
	}
	return x
}

func writeTexts(b *strings.Builder, ph *phrases.Phrase) {
	for _, s := range []string{ph.Text, ph.Translit} {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	if v := ph.Variants; v != nil {
		for _, s := range []string{v.Female, v.Male, v.Child} {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
}

// find appends to out the entries where every word of query appears, in
// the order of the packs. An empty query finds nothing.
func (x *searchIndex) find(query string, out []*searchEntry) []*searchEntry {
	words := strings.Fields(fold(query))
	if len(words) == 0 {
		return out
	}
next:
	for i := range x.entries {
		e := &x.entries[i]
		for _, w := range words {
			if !strings.Contains(e.text, w) {
				continue next
			}
		}
		out = append(out, e)
	}
	return out
}

// searchBox is the search field of the phrase list: it reports every
// change of its text as it is typed.
type searchBox struct {
	app.Compo

	ILabel    string
	IValue    string
	IOnSearch func(ctx app.Context, query string)
}

func newSearchBox() *searchBox { return &searchBox{} }

// Label sets the accessible name, also shown as the placeholder.
func (s *searchBox) Label(l string) *searchBox { s.ILabel = l; return s }

// Value sets the text in the field.
func (s *searchBox) Value(v string) *searchBox { s.IValue = v; return s }

// OnSearch sets the callback for every change of the text.
func (s *searchBox) OnSearch(f func(ctx app.Context, query string)) *searchBox {
	s.IOnSearch = f
	return s
}

func (s *searchBox) Render() app.UI {
	return app.Div().Class("search").Role("search").Body(
		app.Input().Type("search").ID("phrase-search").Class("search-input").
			Aria("label", s.ILabel).Placeholder("%s", s.ILabel).Value(s.IValue).
			AutoComplete(false).Spellcheck(false).
			OnInput(func(ctx app.Context, e app.Event) {
				if s.IOnSearch != nil {
					s.IOnSearch(ctx, ctx.JSSrc().Get("value").String())
				}
			}),
	)
}
