package phrases

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The golden packs are written by package source from testdata/sample.
func golden(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "golden", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.json")
	if len(files) == 0 {
		t.Fatal("no golden packs")
	}
	for _, f := range files {
		b := golden(t, filepath.Base(f))
		var err error
		switch name := filepath.Base(f); {
		case strings.HasPrefix(name, "guide-"):
			_, err = DecodeGuide(b)
		case strings.HasPrefix(name, "phrases-"):
			_, err = DecodePhrasePack(b)
		case strings.HasPrefix(name, "region-"):
			_, err = DecodeRegion(b)
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// reencode applies change to a decoded golden pack and encodes it again.
func reencode[T any](t *testing.T, data []byte, change func(*T)) []byte {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	change(&v)
	b, err := json.Marshal(&v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodePhrasePackErrors(t *testing.T) {
	base := golden(t, "phrases-sample-ru.pack.json")
	tests := []struct {
		name   string
		change func(p *PhrasePack)
		want   string
	}{
		{"wrong kind", func(p *PhrasePack) { p.Kind = "guide" }, `phrases pack: kind is "guide"`},
		{"empty id", func(p *PhrasePack) { p.Phrases[1].ID = "" }, `phrase 1 (""): phrase id "": want`},
		{"duplicate id", func(p *PhrasePack) { p.Phrases[1].ID = "opening" }, `phrase 1: duplicate id "opening"`},
		{"bad kind", func(p *PhrasePack) { p.Phrases[0].Kind = "shout" }, `kind "shout" is not one of`},
		{"option not an answer", func(p *PhrasePack) { p.Phrases[5].Options[1] = "safe" }, `phrase "need": option "safe" is not an answer of this pack`},
		{"option missing", func(p *PhrasePack) { p.Phrases[5].Options[1] = "nope" }, `option "nope" is not an answer`},
		{"choice without options", func(p *PhrasePack) { p.Phrases[5].Options = nil }, `kind "choice" with 0 options`},
		{"unknown category", func(p *PhrasePack) { p.Phrases[0].Category = "x" }, `category "x" is not in the pack`},
		{"empty text", func(p *PhrasePack) { p.Phrases[0].Text = " " }, `text is empty`},
		{"text too long", func(p *PhrasePack) { p.Phrases[0].Text = strings.Repeat("я", 301) }, `text is 301 characters, limit 300`},
		{"bad dir", func(p *PhrasePack) { p.Dir = "up" }, `dir "up" is not ltr or rtl`},
		{"bad lang", func(p *PhrasePack) { p.Lang = "r u" }, `lang "r u" is not a BCP 47 tag`},
		{"review without reviewer", func(p *PhrasePack) { p.Phrases[0].Review = Review{State: Reviewed, Date: "2026-01-01"} }, `reviewed without a reviewer`},
		{"review bad date", func(p *PhrasePack) { p.Phrases[0].Review = Review{State: Reviewed, By: "A", Date: "yesterday"} }, `review date "yesterday"`},
		{"bad review state", func(p *PhrasePack) { p.Phrases[0].Review.State = "ok" }, `review state "ok"`},
		{"bad audio name", func(p *PhrasePack) { p.Phrases[0].Audio = "../../etc/passwd" }, `audio "../../etc/passwd": want audio/opening.{opus,mp3,wav}`},
		{"empty variants", func(p *PhrasePack) { p.Phrases[1].Variants = &Variants{} }, `variants present but empty`},
		{"no phrases", func(p *PhrasePack) { p.Phrases = nil }, `0 phrases, want 1-2000`},
	}
	for _, tt := range tests {
		_, err := DecodePhrasePack(reencode(t, base, tt.change))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestDecodeGuideErrors(t *testing.T) {
	base := golden(t, "guide-fr.pack.json")
	tests := []struct {
		name   string
		change func(g *Guide)
		want   string
	}{
		{"bad item type", func(g *Guide) { g.Modules[0].Sections[0].Items[0].Type = "tip" }, `type "tip" is not one of`},
		{"duplicate item", func(g *Guide) { g.Modules[1].Sections[0].Items[0].ID = "first-steps.safety.1" }, `duplicate id "first-steps.safety.1"`},
		{"item too long", func(g *Guide) { g.Modules[0].Sections[0].Items[0].Text = strings.Repeat("é", 701) }, `text is 701 characters, limit 700`},
		{"empty section", func(g *Guide) { g.Modules[0].Sections[0].Items = nil }, `section "safety": 0 items`},
		{"status lies", func(g *Guide) { g.Status.Reviewed = 3 }, `status: state "reviewed" with 3 of 10 reviewed`},
		{"no title", func(g *Guide) { g.Title = "" }, `title is empty`},
	}
	for _, tt := range tests {
		_, err := DecodeGuide(reencode(t, base, tt.change))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestDecodeRegionErrors(t *testing.T) {
	base := golden(t, "region-sample-region.pack.json")
	tests := []struct {
		name   string
		change func(r *RegionPack)
		want   string
	}{
		{"bad role", func(r *RegionPack) { r.Contacts[0].Role = "friend" }, `role "friend" is not one of`},
		{"no phone", func(r *RegionPack) { r.Contacts[0].Phone = "" }, `phone is empty`},
		{"bad language", func(r *RegionPack) { r.Contacts[0].Languages = []string{"e n"} }, `lang "e n"`},
		{"no contacts", func(r *RegionPack) { r.Contacts = nil }, `0 contacts`},
		{"empty note", func(r *RegionPack) { r.Notes[0].Text = "" }, `note 0: text is empty`},
	}
	for _, tt := range tests {
		_, err := DecodeRegion(reencode(t, base, tt.change))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestDecodeRefusesMalformed(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not JSON", []byte("kind: phrases"), "phrases pack: invalid character"},
		{"trailing data", append(golden(t, "phrases-sample-en.pack.json"), "{}"...), "after top-level value"},
		{"not UTF-8", []byte("{\"kind\":\"phrases\",\"title\":\"\xff\"}"), "not valid UTF-8"},
		{"too large", make([]byte, MaxPackBytes+1), "bytes, limit"},
	}
	for _, tt := range tests {
		_, err := DecodePhrasePack(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

func fuzzSeeds(f *testing.F, prefix string) {
	files, _ := filepath.Glob("testdata/golden/" + prefix + "*.json")
	for _, p := range files {
		f.Add(golden(f, filepath.Base(p)))
	}
	f.Add([]byte(`{"kind":"` + strings.TrimSuffix(prefix, "-") + `"}`))
}

func FuzzDecodePhrasePack(f *testing.F) {
	fuzzSeeds(f, "phrases-")
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodePhrasePack(b)
		if err == nil {
			if p.Validate() != nil || len(p.Phrases) == 0 {
				t.Fatal("decoded an invalid pack")
			}
		}
	})
}

func FuzzDecodeGuide(f *testing.F) {
	fuzzSeeds(f, "guide-")
	f.Fuzz(func(t *testing.T, b []byte) {
		if g, err := DecodeGuide(b); err == nil && g.Validate() != nil {
			t.Fatal("decoded an invalid guide")
		}
	})
}

func FuzzDecodeRegion(f *testing.F) {
	fuzzSeeds(f, "region-")
	f.Fuzz(func(t *testing.T, b []byte) {
		if r, err := DecodeRegion(b); err == nil && r.Validate() != nil {
			t.Fatal("decoded an invalid region pack")
		}
	})
}
