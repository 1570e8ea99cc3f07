package source

import (
	"path/filepath"

	"github.com/firstline/firstline/phrases"
)

// Region is a regional pack's source, region.toml: a single-language
// contact sheet.
type Region struct {
	Path     string            `toml:"-"`
	ID       string            `toml:"id"`
	Title    string            `toml:"title"`
	Lang     string            `toml:"lang"`
	Contacts []phrases.Contact `toml:"contact"`
	Notes    []phrases.Note    `toml:"note"`
}

func loadRegion(s *Sources, path string) *Region {
	data, ok := readLimited(s, path, MaxTOMLBytes)
	if !ok {
		return nil
	}
	r := &Region{Path: path}
	if !s.decodeTOML(path, data, r) {
		return nil
	}
	if r.ID != filepath.Base(filepath.Dir(path)) {
		s.errorf(path, 1, "region id %q differs from its folder name %q", r.ID, filepath.Base(filepath.Dir(path)))
	}
	if _, err := parseLang(r.Lang); err != nil {
		s.errorf(path, 0, "lang: %v", err)
	}
	for _, c := range r.Contacts {
		for _, l := range c.Languages {
			if _, err := parseLang(l); err != nil {
				s.errorf(path, 0, "contact %q: languages: %v", c.Name, err)
			}
		}
	}
	// Everything else is the app's own validation, run on the payload.
	if err := r.pack().Validate(); err != nil {
		s.errorf(path, 0, "region %q: %v", r.ID, err)
	}
	return r
}

func (r *Region) pack() *phrases.RegionPack {
	return &phrases.RegionPack{Kind: phrases.KindRegion, ID: r.ID, Lang: r.Lang, Title: r.Title,
		Contacts: r.Contacts, Notes: r.Notes}
}
