package source

import (
	"fmt"

	"github.com/firstline/firstline/phrases"
	"github.com/firstline/firstline/phrases/pack"
)

// phrasePack builds "phrases-<set>-<lang>" with the phrases translated
// into lang. A choice whose answers are not all translated is left out
// too: the person could not answer it.
func phrasePack(set *Set, lang string) (pack.Content, bool, error) {
	pp := &phrases.PhrasePack{Kind: phrases.KindPhrases, Set: set.ID, Lang: lang,
		Dir: textDir(set.Langs[lang].Tag), Title: set.orSource(lang, "set.title")}
	has := func(id string) bool { return set.Text(lang, id) != "" }
	var files []pack.File
	usedCats := map[string]bool{}
	for _, def := range set.Phrases {
		if !has(def.ID) {
			continue
		}
		ok := true
		for _, o := range def.Options {
			ok = ok && has(o)
		}
		if !ok {
			continue
		}
		p := phrases.Phrase{ID: def.ID, Category: def.Category, Kind: phrases.PhraseKind(def.Kind),
			Options: def.Options, Text: set.Text(lang, def.ID), Translit: set.Text(lang, def.ID+translitSuffix),
			Review: set.Review(lang, def.ID)}
		var v phrases.Variants
		for _, name := range def.Variants {
			text := set.Text(lang, def.ID+"__"+name)
			switch name {
			case "female":
				v.Female = text
			case "male":
				v.Male = text
			case "child":
				v.Child = text
			}
		}
		if v != (phrases.Variants{}) {
			p.Variants = &v
		}
		if a := set.Audio[lang][def.ID]; a != nil {
			p.Audio = "audio/" + def.ID + "." + a.Ext
			files = append(files, pack.File{Name: p.Audio, Type: a.Type, Data: a.Data})
		}
		usedCats[def.Category] = true
		pp.Phrases = append(pp.Phrases, p)
	}
	if len(pp.Phrases) == 0 {
		return pack.Content{}, false, nil
	}
	for _, c := range set.Categories {
		if usedCats[c.ID] {
			pp.Categories = append(pp.Categories, phrases.Category{ID: c.ID, Title: set.orSource(lang, "cat."+c.ID)})
		}
	}
	data, err := marshal(pp)
	if err == nil {
		_, err = phrases.DecodePhrasePack(data)
	}
	if err != nil {
		return pack.Content{}, false, fmt.Errorf("packs: set %s %s: %w", set.ID, lang, err)
	}
	files = append([]pack.File{{Name: "pack.json", Type: "application/json", Data: data}}, files...)
	return pack.Content{ID: packID("phrases", set.ID, lang), Kind: phrases.KindPhrases, Title: pp.Title,
		Langs: []string{lang}, Files: files}, true, nil
}
