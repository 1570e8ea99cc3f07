//go:build js && wasm

package app

import (
	"fmt"
	"sort"
	"testing"

	"github.com/firstline/firstline/locales"
	"github.com/firstline/firstline/phrases"
)

// syntheticPacks are n phrase packs of about 100 phrases each, made of the
// UI strings of the six UI languages (Latin, Arabic, Han and Cyrillic
// texts of phrase length): the wasm tests cannot read the default content
// from disk.
func syntheticPacks(n int) (officer *phrases.PhrasePack, packs []*phrases.PhrasePack) {
	cat := locales.Default()
	var ids []string
	for id := range cat.Messages[locales.Source] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if len(ids) > 100 {
		ids = ids[:100]
	}
	mk := func(lang, textLang string) *phrases.PhrasePack {
		p := &phrases.PhrasePack{Set: DefaultSet, Lang: lang}
		for _, id := range ids {
			p.Phrases = append(p.Phrases, phrases.Phrase{ID: id, Kind: phrases.KindYesNo, Text: cat.T(textLang, id)})
		}
		return p
	}
	officer = mk("en", "en")
	for i := 0; i < n; i++ {
		l := cat.Langs[i%len(cat.Langs)].Tag
		packs = append(packs, mk(fmt.Sprintf("%s-x%d", l, i), l))
	}
	return officer, packs
}

// BenchmarkSearchWasm is BenchmarkSearch in the browser's wasm (make
// bench-wasm): 40 languages at once, median and 95th percentile per query
// on this machine's CPU (a phone's is about 4x slower).
func BenchmarkSearchWasm(b *testing.B) {
	officer, packs := syntheticPacks(40)
	benchSearch(b, officer, packs, []string{"p", "pa", "pas", "pack", "paquet", "пакет", "حزمة", "settings", "the app", "语言", "xyz"})
}
