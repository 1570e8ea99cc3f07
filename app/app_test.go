//go:build !(js && wasm)

package app

import (
	"strings"
	"testing"

	"github.com/firstline/firstline/locales"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func newMem(langs ...string) *memPlatform {
	return &memPlatform{store: map[string]string{}, langs: langs}
}

func TestResolvePrefs(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stored map[string]string
		langs  []string
		want   prefs
	}{
		{"device language", nil, []string{"fr-CA", "en"}, prefs{Lang: "fr", Dir: "ltr", Theme: ThemeSystem}},
		{"chosen beats device", map[string]string{storeLang: "ar"}, []string{"fr"}, prefs{Choice: "ar", Lang: "ar", Dir: "rtl", Theme: ThemeSystem}},
		{"unknown stored choice", map[string]string{storeLang: "xx", storeTheme: "purple"}, []string{"ru"}, prefs{Lang: "ru", Dir: "ltr", Theme: ThemeSystem}},
		{"dark theme", map[string]string{storeTheme: ThemeDark}, nil, prefs{Lang: "en", Dir: "ltr", Theme: ThemeDark}},
		{"no match", nil, []string{"ti-ER"}, prefs{Lang: "en", Dir: "ltr", Theme: ThemeSystem}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newMem(tc.langs...)
			for k, v := range tc.stored {
				b.Set(k, v)
			}
			if got := resolvePrefs(b); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// The choice is stored, and so is what web/boot.js needs before the wasm
// starts on the next load.
func TestApplyPrefs(t *testing.T) {
	b := newMem("en")
	applyPrefs(b, prefs{Choice: "ar", Lang: "ar", Dir: "rtl", Theme: ThemeDark})
	for k, want := range map[string]string{storeLang: "ar", storeTheme: ThemeDark, storeResolved: "ar rtl"} {
		if got := b.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if b.docLang != "ar" || b.docDir != "rtl" || b.docTheme != ThemeDark {
		t.Errorf("document: %q %q %q", b.docLang, b.docDir, b.docTheme)
	}
	if got := resolvePrefs(b); got.Lang != "ar" || got.Dir != "rtl" {
		t.Errorf("after a reload: %+v", got)
	}
}

func TestBottomNav(t *testing.T) {
	html := app.HTMLString(newBottomNav().Current(RoutePacks).Labels("Main sections", []string{"Guide", "Phrases", "Packs", "Settings"}))
	if nav := html[:strings.Index(html, ">")+1]; !strings.HasPrefix(nav, "<nav ") || !hasAttrs(nav, `class="bottom-nav"`, `aria-label="Main sections"`) {
		t.Fatalf("not a labelled <nav>: %s", nav)
	}
	for _, sec := range sections {
		if !strings.Contains(html, `href="`+sec.route+`"`) {
			t.Errorf("no link to %s", sec.route)
		}
	}
	if n := strings.Count(html, `aria-current="page"`); n != 1 {
		t.Errorf("%d current tabs, want 1", n)
	}
	if tab := openingTag(html, "tab-packs"); !hasAttrs(tab, `aria-current="page"`) {
		t.Errorf("packs tab is not the current one: %s", tab)
	}
	if strings.Count(html, `aria-hidden="true"`) != len(sections) {
		t.Error("icons must be hidden from screen readers")
	}
}

func TestStatusBadge(t *testing.T) {
	on := app.HTMLString(newStatusBadge().Online(true).Label("Online", "Offline", "hint"))
	off := app.HTMLString(newStatusBadge().Online(false).Label("Online", "Offline", "No network."))
	if !strings.Contains(on, "badge online") || !strings.Contains(on, ">Online<") {
		t.Errorf("online: %s", on)
	}
	if !strings.Contains(off, "badge offline") || !strings.Contains(off, ">Offline<") || !strings.Contains(off, `title="No network."`) {
		t.Errorf("offline: %s", off)
	}
}

// Each page shows its heading in the UI language.
func TestPagesAreLocalized(t *testing.T) {
	for _, lang := range []string{"en", "ar", "fr", "ru", "es", "zh-Hans"} {
		p := prefs{Lang: lang, Dir: locales.Default().Lang(lang).Dir}
		for _, tc := range []struct {
			page  app.Composer
			title string
		}{
			{&guidePage{page: page{localized: localized{prefs: p}}}, "title.guide"},
			{&phrasesPage{page: page{localized: localized{prefs: p}}}, "title.phrases"},
			{&packsPage{page: page{localized: localized{prefs: p}}}, "title.packs"},
			{&settingsPage{page: page{localized: localized{prefs: p}}}, "title.settings"},
		} {
			want := locales.Default().T(lang, tc.title)
			if html := app.HTMLString(tc.page); !strings.Contains(html, `<h1 class="page-title">`+want+`</h1>`) {
				t.Errorf("%s %T: heading %q missing", lang, tc.page, want)
			}
		}
	}
}

// Settings names each language in its own script and marks its text with
// lang and dir, so a screen reader and the layout handle it.
func TestSettingsLanguageChoices(t *testing.T) {
	s := &settingsPage{page: page{localized: localized{prefs: prefs{Choice: "ar", Lang: "ar", Dir: "rtl", Theme: ThemeDark}}}}
	html := app.HTMLString(s)
	for _, l := range locales.Default().Langs {
		if !strings.Contains(html, ">"+l.Name+"<") {
			t.Errorf("no choice named %q", l.Name)
		}
	}
	if ar := openingTag(html, "lang-ar"); !checked(ar) || !hasAttrs(ar, `lang="ar"`, `dir="rtl"`, `role="radio"`) {
		t.Errorf("Arabic choice not checked or not marked rtl: %s", ar)
	}
	if dark := openingTag(html, "theme-dark"); !checked(dark) {
		t.Errorf("dark theme not checked: %s", dark)
	}
	if strings.Count(html, `aria-checked="false"`) != (len(locales.Default().Langs)+1)+3-2 {
		t.Errorf("want one checked language and one checked theme")
	}
}

func TestInstallCard(t *testing.T) {
	c := newInstallCard().Labels("Install", "Tap Share")
	if html := app.HTMLString(c); !strings.Contains(html, `class="hidden"`) {
		t.Errorf("nothing to offer should render hidden: %s", html)
	}
	c.apple = true
	if html := app.HTMLString(c); !strings.Contains(html, "Tap Share") {
		t.Errorf("iOS hint missing: %s", html)
	}
	c.apple, c.installable = false, true
	if html := app.HTMLString(c); !strings.Contains(html, `id="install"`) {
		t.Errorf("install button missing: %s", html)
	}
}

func TestUpdateBannerOnlyWhenReady(t *testing.T) {
	s := newShell().Title("T")
	if html := app.HTMLString(s); strings.Contains(html, "update-reload") {
		t.Error("banner without an update")
	}
	s.updateable = true
	if html := app.HTMLString(s); !strings.Contains(html, `id="update-reload"`) || !strings.Contains(html, `aria-live="polite"`) {
		t.Errorf("banner missing: %s", html)
	}
}

// openingTag returns the start tag of the element with the given id (go-app
// writes attributes in no fixed order).
func openingTag(html, id string) string {
	i := strings.Index(html, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(html[:i], "<")
	end := strings.Index(html[i:], ">")
	return html[start : i+end+1]
}

func hasAttrs(tag string, attrs ...string) bool {
	for _, a := range attrs {
		if !strings.Contains(tag, " "+a) {
			return false
		}
	}
	return tag != ""
}

// checked reports aria-checked="true", which go-app's server-side encoder
// writes as a bare attribute (the browser side sets "true").
func checked(tag string) bool {
	return strings.Contains(tag, ` aria-checked="true"`) || strings.Contains(tag, " aria-checked ") || strings.Contains(tag, " aria-checked>")
}
