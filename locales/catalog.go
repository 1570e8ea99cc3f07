// Package locales holds firstline's UI strings and picks the language to
// show them in.
//
// Translators edit the go-i18n message files active.<lang>.toml in this
// folder (see `make i18n`). Those files are checked and compiled at build
// time (Compile, in compile.go) into catalog.json, which is what the app
// embeds: the wasm pays neither for a TOML parser nor for go-i18n's
// text/template, and it still chooses plural forms by CLDR rules at run
// time (golang.org/x/text/feature/plural).
package locales

import (
	_ "embed"
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Source is the language every other locale is translated from.
const Source = "en"

//go:embed catalog.json
var catalogJSON []byte

// Lang describes one UI language.
type Lang struct {
	Tag  string `json:"tag"`  // BCP 47, e.g. "zh-Hans"
	Name string `json:"name"` // its own name in its own script
	Dir  string `json:"dir"`  // "ltr" or "rtl"
}

// Message is one UI string: its text per CLDR plural form ("other" always).
type Message map[string]string

// Catalog is the compiled set of UI strings.
type Catalog struct {
	Langs    []Lang                        `json:"langs"`
	Messages map[string]map[string]Message `json:"messages"` // lang -> id -> forms

	matcher language.Matcher
	tags    []language.Tag
}

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
)

// Default returns the catalog compiled into the binary. It panics if the
// embedded catalog is corrupt, which a test rules out at build time.
func Default() *Catalog {
	defaultOnce.Do(func() {
		c, err := Parse(catalogJSON)
		if err != nil {
			panic("locales: embedded catalog.json: " + err.Error())
		}
		defaultCatalog = c
	})
	return defaultCatalog
}

// Parse decodes a compiled catalog.
func Parse(b []byte) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, err
	}
	c.init()
	return &c, nil
}

func (c *Catalog) init() {
	c.tags = make([]language.Tag, len(c.Langs))
	for i, l := range c.Langs {
		c.tags[i] = language.Make(l.Tag)
	}
	c.matcher = language.NewMatcher(c.tags)
}

// Lang returns the UI language with the given tag, or the source language.
func (c *Catalog) Lang(tag string) Lang {
	for _, l := range c.Langs {
		if l.Tag == tag {
			return l
		}
	}
	return c.Langs[0]
}

// Has reports whether tag is one of the catalog's languages.
func (c *Catalog) Has(tag string) bool {
	for _, l := range c.Langs {
		if l.Tag == tag {
			return true
		}
	}
	return false
}

// Match picks the best UI language for the user's preferences, most
// preferred first (navigator.languages), falling back to the source.
func (c *Catalog) Match(prefs ...string) string {
	var want []language.Tag
	for _, p := range prefs {
		if t, err := language.Parse(p); err == nil {
			want = append(want, t)
		}
	}
	if len(want) == 0 {
		return c.Langs[0].Tag
	}
	_, i, conf := c.matcher.Match(want...)
	if conf == language.No {
		return c.Langs[0].Tag
	}
	return c.Langs[i].Tag
}

// T returns the text of message id in lang, falling back to the source
// language, then to the id itself so a missing string is visible, never
// blank.
func (c *Catalog) T(lang, id string) string {
	if m, ok := c.Messages[lang][id]; ok {
		return m["other"]
	}
	if m, ok := c.Messages[Source][id]; ok {
		return m["other"]
	}
	return id
}

// N returns the plural form of message id for count n in lang, with
// {{.Count}} replaced by n.
func (c *Catalog) N(lang, id string, n int) string {
	m, ok := c.Messages[lang][id]
	if !ok {
		lang = Source
		if m, ok = c.Messages[Source][id]; !ok {
			return id
		}
	}
	text, ok := m[pluralForm(lang, n)]
	if !ok {
		text = m["other"]
	}
	return strings.ReplaceAll(text, "{{.Count}}", strconv.Itoa(n))
}

// pluralForm names the CLDR cardinal plural category of the integer n in
// lang, using go-i18n's names for the forms.
func pluralForm(lang string, n int) string {
	if n < 0 {
		n = -n
	}
	switch plural.Cardinal.MatchPlural(language.Make(lang), n, 0, 0, 0, 0) {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

//go:generate go run ./gen .
