package source

import (
	"path/filepath"

	"github.com/firstline/firstline/phrases"
)

// Guide is the field guide: its structure from guide.toml and its texts.
type Guide struct {
	ID      string
	Modules []ModuleDef
	Texts
}

// ModuleDef is a [[module]] of guide.toml.
type ModuleDef struct {
	ID       string       `toml:"id"`
	Sections []SectionDef `toml:"section"`
	Line     int          `toml:"-"`
}

// SectionDef is a [[module.section]] of guide.toml.
type SectionDef struct {
	ID    string    `toml:"id"`
	Items []ItemDef `toml:"items"`
	Line  int       `toml:"-"`
}

// ItemDef is one entry of a section's items.
type ItemDef struct {
	ID   string `toml:"id"`
	Type string `toml:"type"`
	Line int    `toml:"-"`
}

func loadGuide(s *Sources, dir string) *Guide {
	path := filepath.Join(dir, "guide.toml")
	data, ok := readLimited(s, path, MaxTOMLBytes)
	if !ok {
		return nil
	}
	var file struct {
		ID     string      `toml:"id"`
		Source string      `toml:"source"`
		Module []ModuleDef `toml:"module"`
	}
	if !s.decodeTOML(path, data, &file) {
		return nil
	}
	g := &Guide{ID: file.ID, Modules: file.Module}
	g.Name, g.Path, g.Source = "guide", path, file.Source
	if !phrases.ValidID(g.ID) {
		s.errorf(path, 1, "guide id %q: want lower-case letters, digits, . _ -", g.ID)
	}
	if _, err := parseLang(g.Source); err != nil {
		s.errorf(path, 0, "source: %v", err)
	}
	loadTexts(s, dir, &g.Texts)
	g.buildSpecs(s, idLines(data))
	return g
}

// buildSpecs lists the messages the guide expects (see FORMAT.md) and
// reports duplicate IDs and unknown item types.
func (g *Guide) buildSpecs(s *Sources, lines map[string][]int) {
	lineOf := declarationLines(lines)
	add := func(sp Spec, what string) {
		if !phrases.ValidID(sp.ID) {
			s.errorf(g.Path, sp.Line, "%s id %q: want lower-case letters, digits, . _ -", what, sp.ID)
		}
		if !g.addSpec(sp) {
			s.errorf(g.Path, sp.Line, "duplicate %s ID %q", what, sp.ID)
		}
	}
	g.addSpec(Spec{ID: "guide.title", Required: true, Max: phrases.MaxTitleText})
	for i := range g.Modules {
		m := &g.Modules[i]
		m.Line = lineOf(m.ID)
		add(Spec{ID: m.ID + ".title", Required: true, Max: phrases.MaxTitleText, Line: m.Line}, "module")
		g.addSpec(Spec{ID: m.ID + ".summary", Max: phrases.MaxGuideText, Line: m.Line})
		for j := range m.Sections {
			sec := &m.Sections[j]
			sec.Line = lineOf(sec.ID)
			add(Spec{ID: m.ID + "." + sec.ID + ".title", Required: true, Max: phrases.MaxTitleText, Line: sec.Line}, "section")
			for k := range sec.Items {
				it := &sec.Items[k]
				it.Line = lineOf(it.ID)
				add(Spec{ID: it.ID, Required: true, Unit: true, Max: phrases.MaxGuideText, Line: it.Line}, "item")
				if !phrases.ItemType(it.Type).Valid() {
					s.errorf(g.Path, it.Line, "item %q: type %q is not one of %v", it.ID, it.Type, phrases.ItemTypes)
				}
			}
		}
	}
}
