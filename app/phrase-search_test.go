//go:build !(js && wasm)

package app

import (
	"os"
	"sort"
	"sync"
	"testing"

	"github.com/firstline/firstline/phrases"
	"github.com/firstline/firstline/phrases/source"
)

var (
	contentOnce sync.Once
	contentLib  *memLibrary
	contentErr  error
)

// contentLibrary is a Library holding every phrase pack the default
// content builds into, decoded as the app decodes an installed pack.
func contentLibrary(t testing.TB) *memLibrary {
	t.Helper()
	contentOnce.Do(func() {
		var s *source.Sources
		if s, contentErr = source.Load("../phrases/content"); contentErr != nil {
			return
		}
		cs, err := source.Packs(s)
		if contentErr = err; err != nil {
			return
		}
		contentLib = &memLibrary{sets: map[string]map[string]*phrases.PhrasePack{}}
		for _, c := range cs {
			if c.Kind != phrases.KindPhrases {
				continue
			}
			p, err := phrases.DecodePhrasePack(c.Files[0].Data)
			if contentErr = err; err != nil {
				return
			}
			if contentLib.sets[p.Set] == nil {
				contentLib.sets[p.Set] = map[string]*phrases.PhrasePack{}
			}
			contentLib.sets[p.Set][p.Lang] = p
		}
	})
	if contentErr != nil {
		t.Fatalf("default content: %v", contentErr)
	}
	return contentLib
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Passeport", "passeport"},
		{"ÉTÉ à Noël", "ete a noel"},
		{"Ёлка ЁЖ", "елка еж"},
		{"Паспорт", "паспорт"},
		{"جَوَازُ السَّفَرِ", "جواز السفر"},
		{"جـــواز", "جواز"},
		{"أإآ", "ااا"},
		{"كي", "کی"},
		{"Việt Nam", "viet nam"},
		{"İstanbul ışık", "istanbul isik"},
		{"don’t", "don't"},
		{"ትግርኛ", "ትግርኛ"},
		{"हिन्दी", "हिन्दी"}, // virama kept: a vowel sign, not an accent
	} {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldTableSorted(t *testing.T) {
	if !sort.SliceIsSorted(foldPairs[:], func(i, j int) bool { return foldPairs[i][0] < foldPairs[j][0] }) {
		t.Fatal("foldPairs is not sorted: run go generate ./app")
	}
}

// "passport", "passeport" and "паспорт" each find the passport question,
// in the officer's language or the victim's.
func TestSearchFindsPassport(t *testing.T) {
	lib := contentLibrary(t)
	for _, tc := range []struct{ officer, victim, query string }{
		{"en", "ti", "passport"},
		{"en", "ti", "PASSPORT with"},
		{"ar", "fr", "passeport"},
		{"ar", "fr", "Passéport"},
		{"en", "ru", "паспорт"},
		{"ar", "fr", "جواز"},
		{"en", "ar", "جَوَاز"},
	} {
		x := newSearchIndex(lib.Phrases(DefaultSet, tc.officer), lib.Phrases(DefaultSet, tc.victim))
		var ids []string
		for _, e := range x.find(tc.query, nil) {
			ids = append(ids, e.phrase.ID)
		}
		found := false
		for _, id := range ids {
			found = found || id == "have_passport"
		}
		if !found {
			t.Errorf("%s/%s %q found %v, want have_passport", tc.officer, tc.victim, tc.query, ids)
		}
	}
	x := newSearchIndex(lib.Phrases(DefaultSet, "en"), lib.Phrases(DefaultSet, "ti"))
	if got := x.find("  ", nil); len(got) != 0 {
		t.Errorf("blank query found %d", len(got))
	}
	if got := x.find("zzzqqq", nil); len(got) != 0 {
		t.Errorf("nonsense found %d", len(got))
	}
}

// BenchmarkSearch types queries against every installed language at once
// (the worst case: an officer searching all 40 languages) and reports the
// median and 95th percentile per query. Targets: median <= 2 ms on a
// desktop, <= 8 ms on a phone (see cmd/firstline for the wasm figures).
func BenchmarkSearch(b *testing.B) {
	if _, err := os.Stat("../phrases/content"); err != nil {
		b.Skip("no default content")
	}
	lib := contentLibrary(b)
	var packs []*phrases.PhrasePack
	for _, l := range lib.PhraseLangs(DefaultSet) {
		packs = append(packs, lib.Phrases(DefaultSet, l))
	}
	benchSearch(b, lib.Phrases(DefaultSet, "en"), packs, []string{"p", "pa", "pas", "passport", "passeport", "паспорт", "جواز", "hurt", "do you", "ትግ", "xyz"})
}
