//go:build !(js && wasm)

package app

import (
	"strings"
	"sync"
	"testing"

	"github.com/firstline/firstline/locales"
	"github.com/firstline/firstline/phrases"
	"github.com/firstline/firstline/phrases/source"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var (
	fullContentOnce sync.Once
	fullContentLib  *memLibrary
	fullContentErr  error
)

// fullContent is the default content (phrases/content) as the app gets
// it: every guide, phrase pack and region, decoded from built packs.
func fullContent(t *testing.T) *memLibrary {
	t.Helper()
	fullContentOnce.Do(func() {
		s, err := source.Load("../phrases/content")
		if err != nil {
			fullContentErr = err
			return
		}
		packs, err := source.Packs(s)
		if err != nil {
			fullContentErr = err
			return
		}
		lib := &memLibrary{guides: map[string]*phrases.Guide{}, sets: map[string]map[string]*phrases.PhrasePack{}}
		for _, p := range packs {
			data := p.Files[0].Data
			switch p.Kind {
			case phrases.KindGuide:
				g, err := phrases.DecodeGuide(data)
				if err != nil {
					fullContentErr = err
					return
				}
				lib.guides[g.Lang] = g
			case phrases.KindPhrases:
				pp, err := phrases.DecodePhrasePack(data)
				if err != nil {
					fullContentErr = err
					return
				}
				if lib.sets[pp.Set] == nil {
					lib.sets[pp.Set] = map[string]*phrases.PhrasePack{}
				}
				lib.sets[pp.Set][pp.Lang] = pp
			case phrases.KindRegion:
				r, err := phrases.DecodeRegion(data)
				if err != nil {
					fullContentErr = err
					return
				}
				lib.regions = append(lib.regions, r)
			}
		}
		fullContentLib = lib
	})
	if fullContentErr != nil {
		t.Fatal(fullContentErr)
	}
	return fullContentLib
}

// withLibrary installs lib and a fresh device for one test.
func withLibrary(t *testing.T, lib Library) *memPlatform {
	t.Helper()
	old, oldB := currentLibrary(), browser
	b := newMem("en")
	SetLibrary(lib)
	browser = b
	t.Cleanup(func() { SetLibrary(old); browser = oldB })
	return b
}

// only keeps the guides of the given languages (and every region).
func only(lib *memLibrary, langs ...string) *memLibrary {
	out := &memLibrary{guides: map[string]*phrases.Guide{}, sets: lib.sets, regions: lib.regions}
	for _, l := range langs {
		out.guides[l] = lib.guides[l]
	}
	return out
}

func uiPrefs(lang string) page {
	return page{localized: localized{prefs: prefs{Lang: lang, Dir: locales.Default().Lang(lang).Dir}}}
}

func TestGuideFor(t *testing.T) {
	lib := fullContent(t)
	for _, tc := range []struct {
		lib      Library
		ui       string
		want     string
		fallback bool
	}{
		{lib, "fr", "fr", false},
		{only(lib, "en"), "ar", "en", true},
		{only(lib, "en"), "en", "en", false},
		{only(lib, "ru"), "ar", "", false},
		{&memLibrary{}, "en", "", false},
	} {
		g, fb := guideFor(tc.lib, tc.ui)
		got := ""
		if g != nil {
			got = g.Lang
		}
		if got != tc.want || fb != tc.fallback {
			t.Errorf("%s: got %q fallback %v, want %q %v", tc.ui, got, fb, tc.want, tc.fallback)
		}
	}
}

// The home screen: first steps one tap away, every module listed, the
// draft notice on a translation, and nothing pretending without a guide.
func TestGuideHome(t *testing.T) {
	lib := fullContent(t)
	withLibrary(t, lib)
	html := app.HTMLString(&guidePage{page: uiPrefs("fr")})
	if tag := openingTag(html, "quick-first-steps"); !hasAttrs(tag, `href="/guide/first-steps"`) {
		t.Errorf("first steps quick action: %s", tag)
	}
	for _, m := range lib.guides["fr"].Modules {
		if tag := openingTag(html, "module-"+m.ID); !hasAttrs(tag, `href="/guide/`+m.ID+`"`) || !strings.Contains(html, m.Title) {
			t.Errorf("module %s not listed: %s", m.ID, tag)
		}
	}
	if !strings.Contains(html, locales.Default().T("fr", "draft.notice")) {
		t.Error("French guide is a draft: no draft notice")
	}
	if strings.Contains(html, "guide-fallback") {
		t.Error("fallback notice with the guide in the UI language")
	}
	if en := app.HTMLString(&guidePage{page: uiPrefs("en")}); strings.Contains(en, "draft-notice") {
		t.Error("the English source is no translation: no draft notice")
	}

	withLibrary(t, only(lib, "en"))
	html = app.HTMLString(&guidePage{page: uiPrefs("ar")})
	if !strings.Contains(html, locales.Default().T("ar", "guide.fallback")) || !strings.Contains(html, lib.guides["en"].Modules[0].Title) {
		t.Error("Arabic UI without an Arabic guide: want the English guide and the fallback notice")
	}

	withLibrary(t, &memLibrary{})
	if html := app.HTMLString(&guidePage{page: uiPrefs("en")}); !strings.Contains(html, `id="guide-empty"`) {
		t.Error("no guide installed: want the empty message")
	}
}

func TestGuideModulePage(t *testing.T) {
	lib := fullContent(t)
	withLibrary(t, lib)
	m := &guideModulePage{page: uiPrefs("ru"), module: moduleFirstSteps}
	html := app.HTMLString(m)
	mod := guideModule(lib.guides["ru"], moduleFirstSteps)
	if !strings.Contains(html, `<h1 class="page-title">`+mod.Title+`</h1>`) {
		t.Errorf("heading is not the module title %q", mod.Title)
	}
	for _, want := range []string{`class="steps"`, `class="dos"`, `class="donts"`, `id="draft-notice"`, `lang="ru"`} {
		if !strings.Contains(html, want) {
			t.Errorf("first steps: no %s", want)
		}
	}
	for _, s := range mod.Sections {
		for _, it := range s.Items {
			if !strings.Contains(html, `id="`+it.ID+`"`) {
				t.Errorf("item %s missing", it.ID)
			}
		}
	}
	m.target = mod.Sections[0].Items[1].ID
	if tag := openingTag(app.HTMLString(m), m.target); !strings.Contains(tag, `class="item target"`) {
		t.Errorf("the item the address points to is not marked: %s", tag)
	}
	m.module = "no-such-module"
	if html := app.HTMLString(m); !strings.Contains(html, locales.Default().T("ru", "guide.notfound")) {
		t.Error("unknown module: no message")
	}
}

// Ticks are kept per module on the device, and cleared at once.
func TestGuideTicks(t *testing.T) {
	lib := fullContent(t)
	b := withLibrary(t, lib)
	checks := firstOfType(lib.guides["en"], phrases.ItemCheck)
	m := &guideModulePage{page: uiPrefs("en"), module: checks.module}
	m.tick(app.Context{}, checks.id)
	if got := b.Get(ticksKey(checks.module)); got != checks.id {
		t.Fatalf("stored ticks = %q", got)
	}
	html := app.HTMLString(m)
	if tag := openingTag(html, "tick-"+checks.id); !boolAttr(tag, "checked") {
		t.Errorf("ticked box not checked: %s", tag)
	}
	if tag := openingTag(html, "clear-ticks"); boolAttr(tag, "disabled") {
		t.Errorf("clear button disabled with a tick: %s", tag)
	}
	m.clearTicks(app.Context{}, app.Event{})
	if b.Get(ticksKey(checks.module)) != "" || len(m.ticks) != 0 {
		t.Error("ticks not cleared")
	}
	if tag := openingTag(app.HTMLString(m), "clear-ticks"); !boolAttr(tag, "disabled") {
		t.Errorf("clear button enabled with nothing ticked: %s", tag)
	}
}

// A bookmarked item is pressed on its page and listed on the home screen,
// linking to its place.
func TestGuideBookmarks(t *testing.T) {
	lib := fullContent(t)
	b := withLibrary(t, lib)
	it := firstOfType(lib.guides["en"], phrases.ItemDont)
	m := &guideModulePage{page: uiPrefs("en"), module: it.module}
	m.mark(app.Context{}, it.id)
	if got := b.Get(storeBookmarks); got != it.id {
		t.Fatalf("stored bookmarks = %q", got)
	}
	if tag := openingTag(app.HTMLString(m), "mark-"+it.id); !boolAttr(tag, "aria-pressed") {
		t.Errorf("bookmark not pressed: %s", tag)
	}
	home := &guidePage{page: uiPrefs("en"), marks: loadIDs(b, storeBookmarks)}
	if tag := openingTag(app.HTMLString(home), "bm-"+it.id); !hasAttrs(tag, `href="/guide/`+it.module+`#`+it.id+`"`) {
		t.Errorf("bookmark on the home screen: %s", tag)
	}
	m.mark(app.Context{}, it.id)
	if b.Get(storeBookmarks) != "" {
		t.Error("bookmark not removed")
	}
}

func TestGuideContacts(t *testing.T) {
	lib := fullContent(t)
	withLibrary(t, lib)
	it := firstOfType(lib.guides["en"], phrases.ItemContact)
	html := app.HTMLString(&guideModulePage{page: uiPrefs("en"), module: it.module})
	c := lib.regions[0].Contacts[0]
	if !strings.Contains(html, `href="`+telURL(c.Phone)+`"`) || !strings.Contains(html, c.Name) {
		t.Errorf("no call link for %s", c.Name)
	}
	if !strings.Contains(html, "English, French") {
		t.Error("a contact's languages are not named in the UI language")
	}
	withLibrary(t, &memLibrary{guides: lib.guides})
	html = app.HTMLString(&guideModulePage{page: uiPrefs("en"), module: it.module})
	if !strings.Contains(html, "contacts-none") || !strings.Contains(html, `href="/packs"`) {
		t.Error("no regional pack: want the way to get one")
	}
}

func TestTelURL(t *testing.T) {
	for in, want := range map[string]string{
		"+000 0000 000":    "tel:+0000000000",
		" 112 ":            "tel:112",
		"(01) 23-45 ext 6": "tel:0123456",
		"0+1":              "tel:01",
	} {
		if got := telURL(in); got != want {
			t.Errorf("telURL(%q) = %q, want %q", in, got, want)
		}
	}
}

type found struct{ module, id string }

func firstOfType(g *phrases.Guide, typ phrases.ItemType) found {
	for _, m := range g.Modules {
		for _, s := range m.Sections {
			for _, it := range s.Items {
				if it.Type == typ {
					return found{m.ID, it.ID}
				}
			}
		}
	}
	panic("no item of type " + typ)
}

// boolAttr reports a true boolean attribute, as go-app's server-side
// encoder writes it (bare) or the browser side ("true"). The components
// always set checked and disabled, true or false: in the browser go-app
// sets the property then, so clearing a ticked box really unticks it.
func boolAttr(tag, name string) bool {
	return strings.Contains(tag, " "+name+" ") || strings.Contains(tag, " "+name+">") || strings.Contains(tag, " "+name+`="true"`)
}
