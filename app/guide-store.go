package app

import (
	"strings"

	"github.com/firstline/firstline/phrases"
)

// What the guide screens read and keep: the guide in the UI language (or
// English), and the officer's ticks and bookmarks, stored on the device
// only as space-separated item IDs (item IDs never hold spaces).

// Storage keys, declared once.
const (
	storeTicksPrefix = "firstline.ticks." // + module ID: the ticked check items
	storeBookmarks   = "firstline.bookmarks"
)

// Guide modules the screens link to by name.
const (
	moduleFirstSteps = "first-steps"
	moduleAbout      = "about"
)

// guideFor returns the installed guide to read in the UI language lang:
// that language's, else the source language's with fallback true, else
// nil.
func guideFor(lib Library, lang string) (g *phrases.Guide, fallback bool) {
	if g := lib.Guide(lang); g != nil {
		return g, false
	}
	if lang != sourceGuideLang {
		if g := lib.Guide(sourceGuideLang); g != nil {
			return g, true
		}
	}
	return nil, false
}

// guideModule returns the module of g with the given ID, or nil.
func guideModule(g *phrases.Guide, id string) *phrases.Module {
	if g == nil {
		return nil
	}
	for i := range g.Modules {
		if g.Modules[i].ID == id {
			return &g.Modules[i]
		}
	}
	return nil
}

// guideItem finds an item of g by ID and the module holding it.
func guideItem(g *phrases.Guide, id string) (*phrases.Module, *phrases.Item) {
	if g == nil {
		return nil, nil
	}
	for i := range g.Modules {
		m := &g.Modules[i]
		for j := range m.Sections {
			for k := range m.Sections[j].Items {
				if it := &m.Sections[j].Items[k]; it.ID == id {
					return m, it
				}
			}
		}
	}
	return nil, nil
}

// idSet is a set of item IDs kept in one storage key.
type idSet []string

func loadIDs(b platform, key string) idSet { return strings.Fields(b.Get(key)) }

func (s idSet) save(b platform, key string) { b.Set(key, strings.Join(s, " ")) }

func (s idSet) has(id string) bool {
	for _, x := range s {
		if x == id {
			return true
		}
	}
	return false
}

// toggle adds id at the front, or removes it, and returns the new set.
func (s idSet) toggle(id string) idSet {
	out := make(idSet, 0, len(s)+1)
	if !s.has(id) {
		out = append(out, id)
	}
	for _, x := range s {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

func ticksKey(module string) string { return storeTicksPrefix + module }

// moduleRoute is the address of a guide module; item, if set, is the
// fragment that scrolls to one of its items.
func moduleRoute(module, item string) string {
	r := RouteGuidePrefix + module
	if item != "" {
		r += "#" + item
	}
	return r
}
