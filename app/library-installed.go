package app

import (
	"sort"

	"github.com/firstline/firstline/phrases"
)

// The store is the real Library: the installed, verified packs, decoded
// once and kept in memory. A pack appears here only after all its files
// were verified and its index entry switched (installer.go).

var _ Library = (*store)(nil)

// each calls f for every loaded pack, in id order, under the read lock.
func (s *store) each(f func(lp *loadedPack) bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ids := make([]string, 0, len(s.loaded))
	for id := range s.loaded {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !f(s.loaded[id]) {
			return
		}
	}
}

func (s *store) Guide(lang string) *phrases.Guide {
	var g *phrases.Guide
	s.each(func(lp *loadedPack) bool {
		if lp.guide != nil && lp.guide.Lang == lang {
			g = lp.guide
			return false
		}
		return true
	})
	return g
}

func (s *store) Phrases(set, lang string) *phrases.PhrasePack {
	var p *phrases.PhrasePack
	s.each(func(lp *loadedPack) bool {
		if lp.set != nil && lp.set.Set == set && lp.set.Lang == lang {
			p = lp.set
			return false
		}
		return true
	})
	return p
}

func (s *store) PhraseLangs(set string) []string {
	var out []string
	s.each(func(lp *loadedPack) bool {
		if lp.set != nil && lp.set.Set == set {
			out = append(out, lp.set.Lang)
		}
		return true
	})
	return out
}

func (s *store) Regions() []*phrases.RegionPack {
	var out []*phrases.RegionPack
	s.each(func(lp *loadedPack) bool {
		if lp.region != nil {
			out = append(out, lp.region)
		}
		return true
	})
	return out
}

func (s *store) AudioURL(set, lang, name string) string {
	var u string
	s.each(func(lp *loadedPack) bool {
		if lp.set != nil && lp.set.Set == set && lp.set.Lang == lang {
			u = lp.audio[name]
			return false
		}
		return true
	})
	return u
}
