//go:build ignore

// endonyms_gen writes endonyms.json: for every language of the phrase sets
// under phrases/content (and a few more a pack may bring), its name in its
// own script and in each UI language, from CLDR (golang.org/x/text's
// display tables, +0.65 MB that only this build step pays, not the wasm).
//
//	go generate ./app
package main

import (
	"encoding/json"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/firstline/firstline/locales"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// extra are languages a regional phrase set may bring beyond the default
// content.
var extra = []string{"de", "it", "nl", "el", "sw", "ha", "yo", "ig", "om", "pa", "ta", "ka", "hy", "az",
	"kk", "ky", "tg", "mn", "ku", "he", "ja", "ko", "ms", "si", "tl", "mk", "sr", "hr", "cs", "sk", "lt", "lv",
	"et", "fi", "sv", "da", "no", "mo", "zh-Hant", "ln", "rw", "wo", "tw", "ff", "ber", "prs", "rom"}

func main() {
	seen := map[string]bool{}
	var tags []string
	files, _ := filepath.Glob("../phrases/content/sets/*/active.*.toml")
	for _, f := range files {
		t := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "active."), ".toml")
		if !seen[t] {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	for _, t := range extra {
		if !seen[t] {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	sort.Strings(tags)
	ui := locales.Default().Langs
	out := map[string]map[string]string{}
	for _, s := range tags {
		tag, err := language.Parse(s)
		if err != nil {
			log.Fatalf("%s: %v", s, err)
		}
		names := map[string]string{"self": title(display.Self.Name(tag))}
		for _, l := range ui {
			if n := display.Tags(language.MustParse(l.Tag)).Name(tag); n != "" {
				names[l.Tag] = title(n)
			}
		}
		if names["self"] == "" || names["en"] == "" {
			continue // CLDR knows too little of it: the picker shows the tag
		}
		out[s] = names
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("endonyms.json", append(b, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("endonyms.json: %d languages", len(out))
}

// title capitalises a name the way it starts a list item ("Shqip", not
// "shqip"); scripts without case are unchanged.
func title(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToTitle(r)) + s[n:]
}
