//go:build !(js && wasm)

package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// withContent makes the default content the Library for one test.
func withContent(t *testing.T) *memLibrary {
	t.Helper()
	lib := contentLibrary(t)
	old := currentLibrary()
	SetLibrary(lib)
	t.Cleanup(func() { SetLibrary(old) })
	return lib
}

func TestAnswersOf(t *testing.T) {
	lib := withContent(t)
	ti := lib.Phrases(DefaultSet, "ti")
	ids := func(list []*phrases.Phrase) []string {
		var out []string
		for _, p := range list {
			out = append(out, p.ID)
		}
		return out
	}
	if got, want := ids(answersOf(ti, phraseOf(ti, "have_passport"))), []string{"yes", "no", "dont_know", "dont_understand", "stop"}; !slices.Equal(got, want) {
		t.Errorf("yes/no answers = %v, want %v", got, want)
	}
	if got, want := ids(answersOf(ti, phraseOf(ti, "passport_holder"))), []string{"me", "employer", "someone_else", "no_passport", "dont_know", "dont_understand", "stop"}; !slices.Equal(got, want) {
		t.Errorf("choice answers = %v, want %v", got, want)
	}
	if got := answersOf(ti, phraseOf(ti, "opening_police")); len(got) != 0 {
		t.Errorf("a message has answers: %v", ids(got))
	}
}

func TestConversationLog(t *testing.T) {
	b := newMem("en")
	t0 := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	logAsked(b, t0, DefaultSet, "ti", "have_passport")
	logAsked(b, t0.Add(time.Second), DefaultSet, "ti", "have_passport") // a reload: not asked again
	logAnswer(b, t0.Add(time.Minute), DefaultSet, "ti", "have_passport", "no")
	logAnswer(b, t0.Add(2*time.Minute), DefaultSet, "ti", "have_passport", "yes") // changed their mind
	logAnswer(b, t0.Add(3*time.Minute), DefaultSet, "fr", "hurt", "dont_know")    // answered, never logged as asked
	got := loadLog(b, t0.Add(4*time.Minute))
	if len(got) != 3 {
		t.Fatalf("%d entries, want 3: %+v", len(got), got)
	}
	if e := got[0]; e.Answer != "no" || !e.Answered.Equal(t0.Add(time.Minute)) || !e.Asked.Equal(t0) {
		t.Errorf("first entry %+v", e)
	}
	if e := got[1]; e.Answer != "yes" || !e.Asked.Equal(t0) {
		t.Errorf("changed answer %+v", e)
	}
	// Entries older than 12 hours delete themselves, from storage too.
	if got := loadLog(b, t0.Add(12*time.Hour+2*time.Minute)); len(got) != 1 || got[0].Lang != "fr" {
		t.Errorf("after 12 h: %+v", got)
	}
	if strings.Contains(b.Get(storeLog), "have_passport") {
		t.Error("expired entries still stored")
	}
	if got := loadLog(b, t0.Add(13*time.Hour)); len(got) != 0 || b.Get(storeLog) != "" {
		t.Errorf("after 13 h: %+v, stored %q", got, b.Get(storeLog))
	}
}

func TestConversationLogText(t *testing.T) {
	withContent(t)
	b := newMem("en")
	old := browser
	browser = b
	t.Cleanup(func() { browser = old })
	t0 := time.Now()
	logAsked(b, t0, DefaultSet, "ti", "have_passport")
	logAnswer(b, t0, DefaultSet, "ti", "have_passport", "no")
	for _, tc := range []struct{ ui, question, answer, lang string }{
		{"en", "Do you have your passport with you?", "No", "Tigrinya"},
		{"fr", "passeport", "Non", "Tigrigna"},
	} {
		c := newConversationLog()
		c.prefs = prefs{Lang: tc.ui}
		c.entries = loadLog(b, t0)
		text := c.plainText()
		for _, want := range []string{tc.question, "→ " + tc.answer, tc.lang} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: log text lacks %q:\n%s", tc.ui, want, text)
			}
		}
	}
}

func TestOrderLangs(t *testing.T) {
	b := newMem("en")
	chooseVictimLang(b, "fr")
	chooseVictimLang(b, "ti")
	chooseVictimLang(b, "fr")
	if got, want := recentVictimLangs(b), []string{"fr", "ti"}; !slices.Equal(got, want) {
		t.Errorf("recent = %v, want %v", got, want)
	}
	got := orderLangs([]string{"ru", "ar", "ti", "fr", "am"}, recentVictimLangs(b), "en")
	if want := []string{"fr", "ti", "am", "ar", "ru"}; !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v (recent first, then by English name)", got, want)
	}
	if got := langName("ti", "self"); got != "ትግርኛ" {
		t.Errorf("Tigrinya's own name = %q", got)
	}
	if got := langName("xx", "en"); got != "xx" {
		t.Errorf("unknown language named %q", got)
	}
}

// The full-screen view: the person's text in their script and direction,
// answers in their language with symbols, the draft badge.
func TestShowPage(t *testing.T) {
	withContent(t)
	for _, tc := range []struct{ lang, dir string }{{"ti", "ltr"}, {"ar", "rtl"}, {"fa-AF", "rtl"}} {
		s := &showPage{victim: tc.lang, id: "have_passport"}
		s.prefs = prefs{Lang: "en", Dir: "ltr"}
		html := app.HTMLString(s)
		if h := openingTag(html, "show-text"); !hasAttrs(h, `lang="`+tc.lang+`"`, `dir="`+tc.dir+`"`) {
			t.Errorf("%s: text not marked with its language and direction: %s", tc.lang, h)
		}
		for _, id := range []string{"answer-yes", "answer-no", "answer-dont_know", "answer-dont_understand", "answer-stop", "show-draft", "show-audio", "show-opening", "show-closing"} {
			if !strings.Contains(html, `id="`+id+`"`) {
				t.Errorf("%s: no #%s", tc.lang, id)
			}
		}
		if !strings.Contains(html, "Do you have your passport with you?") {
			t.Errorf("%s: the officer's text is missing", tc.lang)
		}
	}
}

func TestPhraseList(t *testing.T) {
	lib := withContent(t)
	ti := lib.Phrases(DefaultSet, "ti")
	l := newPhraseList().Phrases(ti, []*phrases.Phrase{phraseOf(ti, "have_passport"), phraseOf(ti, "hurt")}).
		Grouped(true).Favourites([]string{DefaultSet + "/hurt"}, nil)
	l.prefs = prefs{Lang: "en"}
	html := app.HTMLString(l)
	for _, want := range []string{`href="/show/ti/have_passport"`, `lang="ti"`, "Do you have your passport with you?", "Identity and documents"} {
		if !strings.Contains(html, want) {
			t.Errorf("list lacks %s", want)
		}
	}
	// go-app's server-side encoder writes "true" as a bare attribute.
	pressed := func(tag string) bool {
		return strings.Contains(tag, " aria-pressed") && !strings.Contains(tag, `aria-pressed="false"`)
	}
	if !pressed(openingTag(html, "fav-hurt")) || pressed(openingTag(html, "fav-have_passport")) {
		t.Error("favourites not marked")
	}
}

// Audio: the pack's recording first, else the device's voice for the
// language, else none; and which one is said.
func TestShowAudio(t *testing.T) {
	lib := withContent(t)
	d := withLibrary(t, lib)
	ti := lib.Phrases(DefaultSet, "ti")
	ph := *phraseOf(ti, "have_passport")
	ph.Audio = "audio/have_passport.opus"
	rec := &memLibrary{sets: lib.sets, audio: map[string]string{DefaultSet + "/ti/audio/have_passport.opus": "blob:clip"}}
	for _, tc := range []struct {
		name    string
		lib     Library
		voices  []string
		wantSrc string
	}{
		{"recording", rec, []string{"ti-ER"}, audioRecorded},
		{"voice", lib, []string{"en-US", "ti_ER"}, audioVoice},
		{"none", lib, []string{"am-ET"}, audioNone},
	} {
		SetLibrary(tc.lib)
		d.voices = tc.voices
		s := &showPage{victim: "ti", id: "have_passport"}
		s.voice = browser.HasVoice("ti")
		if src, _ := s.audio(&ph); src != tc.wantSrc {
			t.Errorf("%s: audio from %q, want %q", tc.name, src, tc.wantSrc)
		}
		src, url := s.audio(&ph)
		html := app.HTMLString(s.audioControl(src, url, ph.Text))
		if want := map[string]string{audioRecorded: "Play the recording", audioVoice: "Read aloud (device voice)", audioNone: "No audio for this language"}[tc.wantSrc]; !strings.Contains(html, want) {
			t.Errorf("%s: control %s lacks %q", tc.name, html, want)
		}
	}
	d.voices = nil
}

func TestFavourites(t *testing.T) {
	b := newMem("en")
	toggleFavourite(b, DefaultSet, "hurt")
	toggleFavourite(b, DefaultSet, "have_passport")
	if got, want := toggleFavourite(b, DefaultSet, "hurt"), []string{DefaultSet + "/have_passport"}; !slices.Equal(got, want) {
		t.Errorf("favourites = %v, want %v", got, want)
	}
	if got := favourites(b); len(got) != 1 {
		t.Errorf("stored favourites = %v", got)
	}
}

// The search box and the addressee choice speak for themselves to a
// screen reader.
func TestControlsLabelled(t *testing.T) {
	html := app.HTMLString(newSearchBox().Label("Search phrases"))
	if tag := openingTag(html, "phrase-search"); !hasAttrs(tag, `aria-label="Search phrases"`, `type="search"`) {
		t.Errorf("search box: %s", tag)
	}
	a := newAddresseeChoice().Value("female")
	a.prefs = prefs{Lang: "en"}
	html = app.HTMLString(a)
	if !checked(openingTag(html, "addressee-female")) || checked(openingTag(html, "addressee-any")) {
		t.Errorf("addressee choice not marked: %s", html)
	}
	if !strings.Contains(html, `aria-labelledby="addressee-label"`) {
		t.Error("addressee group has no name")
	}
}
