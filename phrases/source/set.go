package source

import (
	"path/filepath"

	"github.com/firstline/firstline/phrases"
)

// Set is a phrase set: its structure from set.toml and its texts.
type Set struct {
	ID         string
	Categories []CategoryDef
	Phrases    []PhraseDef
	Texts
}

// CategoryDef is a [[category]] of set.toml.
type CategoryDef struct {
	ID   string `toml:"id"`
	Line int    `toml:"-"`
}

// PhraseDef is a [[phrase]] of set.toml.
type PhraseDef struct {
	ID       string   `toml:"id"`
	Category string   `toml:"category"`
	Kind     string   `toml:"kind"`
	Options  []string `toml:"options"`
	Variants []string `toml:"variants"`
	Line     int      `toml:"-"`
}

// Variants an addressee-specific wording may have, and the
// transliteration suffix; see FORMAT.md.
var variantNames = []string{"female", "male", "child"}

const translitSuffix = "__translit"

// Phrase returns the phrase with the given ID, or nil.
func (set *Set) Phrase(id string) *PhraseDef {
	for i := range set.Phrases {
		if set.Phrases[i].ID == id {
			return &set.Phrases[i]
		}
	}
	return nil
}

func loadSet(s *Sources, dir string) *Set {
	path := filepath.Join(dir, "set.toml")
	data, ok := readLimited(s, path, MaxTOMLBytes)
	if !ok {
		return nil
	}
	set := &Set{}
	var file struct {
		ID       string        `toml:"id"`
		Source   string        `toml:"source"`
		Category []CategoryDef `toml:"category"`
		Phrase   []PhraseDef   `toml:"phrase"`
	}
	if !s.decodeTOML(path, data, &file) {
		return nil
	}
	set.ID, set.Source, set.Categories, set.Phrases = file.ID, file.Source, file.Category, file.Phrase
	set.Name, set.Path = "set "+set.ID, path
	switch {
	case !phrases.ValidID(set.ID):
		s.errorf(path, 1, "set id %q: want lower-case letters, digits, . _ -", set.ID)
	case set.ID == GuideSet:
		s.errorf(path, 1, "set id %q is reserved for the guide", set.ID)
	case set.ID != filepath.Base(dir):
		s.errorf(path, 1, "set id %q differs from its folder name %q", set.ID, filepath.Base(dir))
	}
	if _, err := parseLang(set.Source); err != nil {
		s.errorf(path, 0, "source: %v", err)
	}
	loadTexts(s, dir, &set.Texts)
	set.buildSpecs(s, idLines(data))
	return set
}

// buildSpecs lists the messages the set expects and reports structural
// errors of set.toml: duplicate IDs, unknown categories and kinds, choice
// options that are not answers, unknown variants.
func (set *Set) buildSpecs(s *Sources, lines map[string][]int) {
	lineOf := declarationLines(lines)
	set.addSpec(Spec{ID: "set.title", Required: true, Max: phrases.MaxTitleText})
	cats := map[string]bool{}
	for i := range set.Categories {
		c := &set.Categories[i]
		c.Line = lineOf(c.ID)
		if !phrases.ValidID(c.ID) {
			s.errorf(set.Path, c.Line, "category id %q: want lower-case letters, digits, . _ -", c.ID)
		}
		if !set.addSpec(Spec{ID: "cat." + c.ID, Required: true, Max: phrases.MaxTitleText, Line: c.Line}) {
			s.errorf(set.Path, c.Line, "duplicate category ID %q", c.ID)
		}
		cats[c.ID] = true
	}
	kinds := map[string]string{}
	for i := range set.Phrases {
		p := &set.Phrases[i]
		p.Line = lineOf(p.ID)
		if !phrases.ValidID(p.ID) {
			s.errorf(set.Path, p.Line, "phrase id %q: want lower-case letters, digits, . _ -", p.ID)
		}
		if !set.addSpec(Spec{ID: p.ID, Required: true, Unit: true, Max: phrases.MaxPhraseText, Line: p.Line}) {
			s.errorf(set.Path, p.Line, "duplicate phrase ID %q", p.ID)
			continue
		}
		kinds[p.ID] = p.Kind
		if !cats[p.Category] {
			s.errorf(set.Path, p.Line, "phrase %q: category %q is not declared", p.ID, p.Category)
		}
		if !phrases.PhraseKind(p.Kind).Valid() {
			s.errorf(set.Path, p.Line, "phrase %q: kind %q is not one of %v", p.ID, p.Kind, phrases.PhraseKinds)
		}
		for _, v := range p.Variants {
			if !contains(variantNames, v) {
				s.errorf(set.Path, p.Line, "phrase %q: variant %q is not one of %v", p.ID, v, variantNames)
				continue
			}
			set.addSpec(Spec{ID: p.ID + "__" + v, Max: phrases.MaxPhraseText, Line: p.Line})
		}
		set.addSpec(Spec{ID: p.ID + translitSuffix, Max: phrases.MaxPhraseText, Line: p.Line})
	}
	for _, p := range set.Phrases {
		if p.Kind == string(phrases.KindChoice) && len(p.Options) == 0 {
			s.errorf(set.Path, p.Line, "phrase %q: a choice needs options (IDs of answer phrases)", p.ID)
		}
		if p.Kind != string(phrases.KindChoice) && len(p.Options) > 0 {
			s.errorf(set.Path, p.Line, "phrase %q: kind %q has options; only a choice has", p.ID, p.Kind)
		}
		for _, o := range p.Options {
			if k, ok := kinds[o]; !ok || k != string(phrases.KindAnswer) {
				s.errorf(set.Path, p.Line, "phrase %q: option %q is not a phrase of kind \"answer\"", p.ID, o)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
