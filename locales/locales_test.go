package locales

import (
	"strconv"
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		prefs []string
		want  string
	}{
		{[]string{"ar-EG", "en"}, "ar"},
		{[]string{"fr-CA"}, "fr"},
		{[]string{"zh-CN"}, "zh-Hans"},
		{[]string{"zh-SG", "en"}, "zh-Hans"},
		{[]string{"es-419"}, "es"},
		{[]string{"ru-RU"}, "ru"},
		{[]string{"de-DE", "fr"}, "fr"},
		{[]string{"ti-ER"}, "en"},
		{[]string{"not a tag!"}, "en"},
		{nil, "en"},
	} {
		if got := c.Match(tc.prefs...); got != tc.want {
			t.Errorf("Match(%v) = %q, want %q", tc.prefs, got, tc.want)
		}
	}
}

func TestSixUNLanguages(t *testing.T) {
	c := Default()
	want := map[string]struct{ name, dir string }{
		"en": {"English", "ltr"}, "ar": {"العربية", "rtl"}, "zh-Hans": {"中文（简体）", "ltr"},
		"fr": {"Français", "ltr"}, "ru": {"Русский", "ltr"}, "es": {"Español", "ltr"},
	}
	if len(c.Langs) != len(want) || c.Langs[0].Tag != Source {
		t.Fatalf("langs = %+v", c.Langs)
	}
	for _, l := range c.Langs {
		w, ok := want[l.Tag]
		if !ok || l.Name != w.name || l.Dir != w.dir {
			t.Errorf("%s: name %q dir %q, want %q %q", l.Tag, l.Name, l.Dir, w.name, w.dir)
		}
	}
}

// Plural forms follow CLDR: Russian has one/few/many, Arabic six forms.
func TestPlurals(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		lang string
		n    int
		form string
	}{
		{"en", 1, "one"}, {"en", 2, "other"}, {"en", 0, "other"},
		{"fr", 0, "one"}, {"fr", 1, "one"}, {"fr", 2, "other"},
		{"ru", 1, "one"}, {"ru", 3, "few"}, {"ru", 5, "many"}, {"ru", 21, "one"}, {"ru", 22, "few"}, {"ru", 11, "many"},
		{"ar", 0, "zero"}, {"ar", 1, "one"}, {"ar", 2, "two"}, {"ar", 3, "few"}, {"ar", 11, "many"}, {"ar", 100, "other"},
		{"zh-Hans", 1, "other"},
	} {
		if got := pluralForm(tc.lang, tc.n); got != tc.form {
			t.Errorf("pluralForm(%s, %d) = %q, want %q", tc.lang, tc.n, got, tc.form)
		}
		form := c.Messages[tc.lang]["packs.installed"][tc.form]
		if form == "" {
			t.Errorf("%s has no %q form of packs.installed", tc.lang, tc.form)
			continue
		}
		want := strings.ReplaceAll(form, "{{.Count}}", strconv.Itoa(tc.n))
		if got := c.N(tc.lang, "packs.installed", tc.n); got != want {
			t.Errorf("N(%s, %d) = %q, want %q", tc.lang, tc.n, got, want)
		}
	}
	if got := c.N("en", "packs.installed", 1); got != "1 pack installed" {
		t.Errorf("en 1: %q", got)
	}
	if got := c.N("en", "packs.installed", 3); got != "3 packs installed" {
		t.Errorf("en 3: %q", got)
	}
}

func TestFallbacks(t *testing.T) {
	c := Default()
	if got := c.T("xx", "nav.guide"); got != "Guide" {
		t.Errorf("unknown language: %q, want the English text", got)
	}
	if got := c.T("fr", "no.such.id"); got != "no.such.id" {
		t.Errorf("unknown ID: %q, want the ID itself", got)
	}
}
