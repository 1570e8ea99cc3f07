//go:build !(js && wasm)

package app

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The text size is one class on <html>, reduce motion another; both are
// kept and come back on the next start.
func TestLook(t *testing.T) {
	b := withLibrary(t, &memLibrary{})
	if got := loadLook(b); got != (look{TextSize: TextNormal}) {
		t.Errorf("default look = %+v", got)
	}
	saveLook(b, look{TextSize: TextXLarge, ReduceMotion: true})
	for class, want := range map[string]string{"text-xl": "1", "text-m": "", "text-s": "", "text-l": "", classReduceMotion: "1"} {
		if got := b.Get(rootClassKey(class)); got != want {
			t.Errorf("class %s = %q, want %q", class, got, want)
		}
	}
	if got := loadLook(b); got != (look{TextSize: TextXLarge, ReduceMotion: true}) {
		t.Errorf("after a restart: %+v", got)
	}
	b.Set(storeTextSize, "huge")
	if got := loadLook(b).TextSize; got != TextNormal {
		t.Errorf("unknown stored size gives %q", got)
	}
	if len(textSizes) < 3 {
		t.Error("want at least 3 text sizes")
	}
}

func TestSettingsLookAndVictimLanguage(t *testing.T) {
	lib := fullContent(t)
	b := withLibrary(t, lib)
	b.Set(storeVictimDefault, "ti")
	html := app.HTMLString(&settingsPage{page: uiPrefs("en")})
	for _, size := range textSizes {
		if tag := openingTag(html, "textsize-"+size); !hasAttrs(tag, `type="radio"`, `name="textsize"`) {
			t.Errorf("text size %s: %s", size, tag)
		}
	}
	if tag := openingTag(html, "reduce-motion"); !hasAttrs(tag, `type="checkbox"`) {
		t.Errorf("reduce motion: %s", tag)
	}
	if tag := openingTag(html, "default-ti"); !boolAttr(tag, "checked") || !hasAttrs(tag, `type="radio"`) {
		t.Errorf("stored default (ti) not checked: %s", tag)
	}
	for _, l := range lib.PhraseLangs(DefaultSet) {
		if !strings.Contains(html, ">"+langName(l, "self")+"<") {
			t.Errorf("victim language %s not offered by its own name %q", l, langName(l, "self"))
		}
	}
	if !strings.Contains(html, ">ትግርኛ<") {
		t.Error("Tigrinya not named ትግርኛ")
	}
	if tag := openingTag(html, "about-link"); !hasAttrs(tag, `href="/about"`) {
		t.Errorf("no link to About: %s", tag)
	}
}

func TestAboutPage(t *testing.T) {
	lib := fullContent(t)
	withLibrary(t, lib)
	Version = "test-version"
	html := app.HTMLString(&aboutPage{page: uiPrefs("es")})
	if !strings.Contains(html, "test-version") {
		t.Error("no version")
	}
	about := guideModule(lib.guides["es"], moduleAbout)
	for _, s := range about.Sections {
		for _, it := range s.Items {
			if !strings.Contains(html, `id="`+it.ID+`"`) {
				t.Errorf("about item %s missing", it.ID)
			}
		}
	}
}
