package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/firstline/firstline/phrases"
	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/text/language"
)

// Packs turns checked sources into pack payloads: "guide-<lang>" and
// "phrases-<set>-<lang>" for every language with a message file, and
// "region-<id>" for every region. It refuses sources with check errors
// (non-strict). Identical sources give identical bytes.
//
// A text not translated into a language is left out of that language's
// pack rather than shown in the source language: a person must never be
// shown a phrase they cannot read as if it were theirs. Titles the
// officer reads (guide modules and sections, categories) fall back to the
// source language.
func Packs(s *Sources) ([]pack.Content, error) {
	if r := Check(s, false); !r.OK() {
		var first []string
		for _, is := range r.Issues {
			if is.Severity == Error && len(first) < 3 {
				first = append(first, is.String())
			}
		}
		return nil, fmt.Errorf("packs: sources have %d errors: %s", r.Errors, strings.Join(first, "; "))
	}
	var out []pack.Content
	if g := s.Guide; g != nil {
		for _, lang := range g.LangList() {
			if c, ok, err := guidePack(g, lang); err != nil {
				return nil, err
			} else if ok {
				out = append(out, c)
			}
		}
	}
	for _, set := range s.Sets {
		for _, lang := range set.LangList() {
			if c, ok, err := phrasePack(set, lang); err != nil {
				return nil, err
			} else if ok {
				out = append(out, c)
			}
		}
	}
	for _, r := range s.Regions {
		data, err := marshal(r.pack())
		if err == nil {
			_, err = phrases.DecodeRegion(data)
		}
		if err != nil {
			return nil, fmt.Errorf("packs: region %s: %w", r.ID, err)
		}
		out = append(out, pack.Content{ID: packID("region", r.ID), Kind: phrases.KindRegion, Title: r.Title,
			Langs: []string{r.Lang}, Files: []pack.File{{Name: "pack.json", Type: "application/json", Data: data}}})
	}
	return out, nil
}

// textDir is the writing direction of a language, from its likely script.
func textDir(tag language.Tag) string {
	sc, _ := language.Make(tag.String()).Script()
	return phrases.DirOf(sc.String())
}

// marshal encodes a payload deterministically: fields in struct order,
// slices in display order, no timestamps, no HTML escaping.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// orSource returns the text of id in lang, or else in the source language.
func (t *Texts) orSource(lang, id string) string {
	if s := t.Text(lang, id); s != "" {
		return s
	}
	return t.Text(t.Source, id)
}

func guidePack(g *Guide, lang string) (pack.Content, bool, error) {
	gp := &phrases.Guide{Kind: phrases.KindGuide, ID: g.ID, Lang: lang, Dir: textDir(g.Langs[lang].Tag),
		Title: g.orSource(lang, "guide.title")}
	for _, m := range g.Modules {
		mod := phrases.Module{ID: m.ID, Title: g.orSource(lang, m.ID+".title"), Summary: g.orSource(lang, m.ID+".summary")}
		for _, sec := range m.Sections {
			ps := phrases.Section{ID: sec.ID, Title: g.orSource(lang, m.ID+"."+sec.ID+".title")}
			for _, it := range sec.Items {
				text := g.Text(lang, it.ID)
				if text == "" {
					continue
				}
				ps.Items = append(ps.Items, phrases.Item{ID: it.ID, Type: phrases.ItemType(it.Type), Text: text})
				gp.Status.Total++
				if g.Review(lang, it.ID).State == phrases.Reviewed {
					gp.Status.Reviewed++
				}
			}
			if len(ps.Items) > 0 {
				mod.Sections = append(mod.Sections, ps)
			}
		}
		if len(mod.Sections) > 0 {
			gp.Modules = append(gp.Modules, mod)
		}
	}
	if len(gp.Modules) == 0 {
		return pack.Content{}, false, nil
	}
	gp.Status.State = phrases.Draft
	if gp.Status.Reviewed == gp.Status.Total {
		gp.Status.State = phrases.Reviewed
	}
	data, err := marshal(gp)
	if err == nil {
		_, err = phrases.DecodeGuide(data)
	}
	if err != nil {
		return pack.Content{}, false, fmt.Errorf("packs: guide %s: %w", lang, err)
	}
	return pack.Content{ID: packID("guide", lang), Kind: phrases.KindGuide, Title: gp.Title, Langs: []string{lang},
		Files: []pack.File{{Name: "pack.json", Type: "application/json", Data: data}}}, true, nil
}
