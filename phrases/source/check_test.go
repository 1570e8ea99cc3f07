package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckSampleIsClean(t *testing.T) {
	s := mustLoad(t, sampleDir)
	r := Check(s, true)
	if got := issuesText(r, sampleDir); got != "" || !r.OK() {
		t.Fatalf("strict check of the sample:\n%s", got)
	}
	want := map[string]Coverage{
		"guide en":      {Content: "guide", Lang: "en", Total: 10, Translated: 10},
		"guide fr":      {Content: "guide", Lang: "fr", Total: 10, Translated: 10, Reviewed: 10},
		"set sample en": {Content: "set sample", Lang: "en", Total: 12, Translated: 12, Audio: 1},
		"set sample ar": {Content: "set sample", Lang: "ar", Total: 12, Translated: 12},
		"set sample fr": {Content: "set sample", Lang: "fr", Total: 12, Translated: 12, Reviewed: 12},
		"set sample ru": {Content: "set sample", Lang: "ru", Total: 12, Translated: 12},
	}
	if len(r.Coverage) != len(want) {
		t.Errorf("got %d coverage rows, want %d: %+v", len(r.Coverage), len(want), r.Coverage)
	}
	for _, c := range r.Coverage {
		if w := want[c.Content+" "+c.Lang]; c != w {
			t.Errorf("coverage %s %s: got %+v, want %+v", c.Content, c.Lang, c, w)
		}
	}
}

const (
	setDir   = "sets/sample/"
	guideDir = "guide/"
)

// Every check has a case here: a change to a copy of the sample, and the
// issue line (path relative to SRC) the check must report.
func TestCheckFindsProblems(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) }
	tests := []struct {
		name   string
		strict bool
		change func(t *testing.T, dir string)
		want   string // a substring of the issues text
	}{
		{"malformed TOML", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.fr.toml", `other = "Oui"`, `other = "Oui`)
		}, setDir + "active.fr.toml:41:13: error: malformed TOML: strings cannot contain newlines"},
		{"malformed TOML names the column", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.fr.toml", `[no]`, `[no`)
		}, ": error: malformed TOML"},
		{"duplicate message ID", false, func(t *testing.T, d string) {
			appendFile(t, d, setDir+"active.fr.toml", "\n[yes]\nother = \"Oui oui\"\n")
		}, setDir + "active.fr.toml:52:2: error: malformed TOML: Key 'yes' has already been defined."},
		{"tag that does not parse", false, func(t *testing.T, d string) {
			writeFile(t, d, setDir+"active.e.toml", "")
		}, setDir + `active.e.toml: error: invalid BCP 47 tag "e"`},
		{"unknown base language", false, func(t *testing.T, d string) {
			writeFile(t, d, setDir+"active.xx.toml", "")
		}, setDir + `active.xx.toml: error: invalid BCP 47 tag "xx": language: subtag "xx" is well-formed but unknown`},
		{"bad tag of an audio folder", false, func(t *testing.T, d string) {
			writeFile(t, d, setDir+"audio/zz/yes.wav", "")
		}, setDir + `audio/zz: error: audio folder: invalid BCP 47 tag "zz"`},
		{"duplicate phrase ID", false, func(t *testing.T, d string) {
			appendFile(t, d, setDir+"set.toml", "\n[[phrase]]\nid = \"yes\"\ncategory = \"answers\"\nkind = \"answer\"\n")
		}, setDir + `set.toml:80: error: duplicate phrase ID "yes"`},
		{"duplicate guide item", false, func(t *testing.T, d string) {
			edit(t, d, guideDir+"guide.toml", `"first-steps.talk.2"`, `"first-steps.talk.1"`)
		}, guideDir + `guide.toml:20: error: duplicate item ID "first-steps.talk.1"`},
		{"translation of an unknown ID", false, func(t *testing.T, d string) {
			appendFile(t, d, setDir+"active.fr.toml", "\n[bogus]\nother = \"Quelque chose\"\n")
		}, setDir + `active.fr.toml:52: error: translation of unknown ID "bogus"`},
		{"placeholders differ", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.en.toml", "I am a police officer.", "I am {{.Officer}}.")
		}, setDir + `active.fr.toml:16: error: "opening": placeholders (none) differ from the source's {{.Officer}}`},
		{"empty text", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.ar.toml", `other = "نعم"`, `other = "  "`)
		}, setDir + `active.ar.toml:43: error: "yes": empty text`},
		{"phrase too long", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.fr.toml", `other = "Non"`, `other = "`+long(301)+`"`)
		}, setDir + `active.fr.toml:43: error: "no": text is 301 characters, limit 300`},
		{"guide item too long", false, func(t *testing.T, d string) {
			edit(t, d, guideDir+"active.fr.toml", `other = "Comment parler"`, `other = "x"`)
			edit(t, d, guideDir+"active.fr.toml", `other = "Parlez calmement`, `other = "`+long(701)+` `)
		}, guideDir + `active.fr.toml:25: error: "first-steps.talk.1": text is 7`},
		{"identical to the source", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.fr.toml", `other = "Un médecin"`, `other = "A doctor"`)
		}, setDir + `active.fr.toml:34: warning: "need-doctor": identical to the en source text: likely untranslated`},
		{"wrong script", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.ru.toml", `other = "Вода и еда"`, `other = "Voda i eda"`)
		}, setDir + `active.ru.toml:52: warning: "need-water": mostly in Latin script, expected Cyrl: likely untranslated`},
		{"wrong script, Arabic", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.ar.toml", `other = "ماء وطعام"`, `other = "Вода и еда"`)
		}, `warning: "need-water": mostly in Cyrillic script, expected Arab`},
		{"not audio", false, func(t *testing.T, d string) {
			writeFile(t, d, setDir+"audio/fr/yes.opus", "this is text, not Opus")
		}, setDir + `audio/fr/yes.opus: error: not an audio file (want Ogg Opus, MP3 or WAV by content; starts with "this is ")`},
		{"audio too large", false, func(t *testing.T, d string) {
			writeFile(t, d, setDir+"audio/fr/yes.wav", "RIFF....WAVE"+strings.Repeat("\x80", MaxAudioBytes))
		}, setDir + `audio/fr/yes.wav: error: file is 2097164 bytes, limit 2097152`},
		{"message file too large", false, func(t *testing.T, d string) {
			appendFile(t, d, setDir+"active.fr.toml", "# "+strings.Repeat("x", MaxTOMLBytes)+"\n")
		}, setDir + `active.fr.toml: error: file is 1049460 bytes, limit 1048576`},
		{"choice option that is not an answer", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"set.toml", `options = ["need-doctor", "need-water"]`, `options = ["need-doctor", "safe"]`)
		}, setDir + `set.toml:44: error: phrase "need": option "safe" is not a phrase of kind "answer"`},
		{"variant not declared", false, func(t *testing.T, d string) {
			appendFile(t, d, setDir+"active.ru.toml", "\n[safe__female]\nother = \"Сейчас ты в безопасности.\"\n")
		}, setDir + `active.ru.toml:67: error: variant "female" of "safe" is not declared in`},
		{"unknown variant name", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"set.toml", `variants = ["child"]`, `variants = ["elder"]`)
		}, setDir + `set.toml:16: error: phrase "opening": variant "elder" is not one of [female male child]`},
		{"missing source text", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.en.toml", "[closing]", "[closing__translit]")
		}, `error: set sample: no source text for "closing" (declared at `},
		{"unknown item type", false, func(t *testing.T, d string) {
			edit(t, d, guideDir+"guide.toml", `type = "dont"`, `type = "never"`)
		}, guideDir + `guide.toml:20: error: item "first-steps.talk.2": type "never" is not one of`},
		{"undeclared category", false, func(t *testing.T, d string) {
			edit(t, d, setDir+"set.toml", `category = "closing"`, `category = "goodbye"`)
		}, setDir + `set.toml:75: error: phrase "closing": category "goodbye" is not declared`},
		{"bad region contact", false, func(t *testing.T, d string) {
			edit(t, d, "regions/sample-region/region.toml", `role = "shelter"`, `role = "hotel"`)
		}, `region.toml: error: region "sample-region": contact 1 ("Sample Safe House"): role "hotel" is not one of`},
		{"strict: incomplete language", true, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.ru.toml", "[closing]", "[closing__translit]")
		}, setDir + `active.ru.toml: error: incomplete: no translation of "closing"`},
		{"strict: a warning is an error", true, func(t *testing.T, d string) {
			edit(t, d, setDir+"active.fr.toml", `other = "Un médecin"`, `other = "A doctor"`)
		}, setDir + `active.fr.toml:34: error: "need-doctor": identical to the en source text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copySample(t)
			tt.change(t, dir)
			got := issuesText(Check(mustLoad(t, dir), tt.strict), dir)
			if !strings.Contains(got, tt.want) {
				t.Errorf("issues:\n%s\nwant a line containing:\n%s", got, tt.want)
			}
		})
	}
}

// Short strings, numbers and transliterations are not judged as
// untranslated.
func TestCheckNoFalseUntranslated(t *testing.T) {
	dir := copySample(t)
	edit(t, dir, setDir+"active.ar.toml", `other = "نعم"`, `other = "OK"`)
	edit(t, dir, setDir+"active.ru.toml", `other = "Нет"`, `other = "112"`)
	edit(t, dir, setDir+"active.fr.toml", `other = "Oui"`, `other = "Yes"`)
	if got := issuesText(Check(mustLoad(t, dir), true), dir); got != "" {
		t.Errorf("issues:\n%s", got)
	}
}

// A set that is not complete is fine outside strict mode.
func TestCheckIncompleteNotStrict(t *testing.T) {
	dir := copySample(t)
	edit(t, dir, setDir+"active.ru.toml", "[closing]", "[closing__translit]")
	r := Check(mustLoad(t, dir), false)
	if !r.OK() {
		t.Errorf("non-strict check of an incomplete language:\n%s", issuesText(r, dir))
	}
}

func TestLoadMissingDir(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope"))
	if err == nil || !os.IsNotExist(errorsUnwrapAll(err)) {
		t.Errorf("got %v, want a not-exist error", err)
	}
}

func errorsUnwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

// What the untranslated-text warning lets pass: a translation the author
// marked as allowed to keep the source wording, and a single identical word
// (usually a cognate). A changed sentence identical to the source still warns.
func TestUntranslatedExceptions(t *testing.T) {
	const warning = `"need-doctor": identical to the en source text`
	for _, tt := range []struct {
		name   string
		change func(t *testing.T, d string)
		warn   bool
	}{
		{"identical sentence", func(t *testing.T, d string) {
			edit(t, d, setDir+"active.fr.toml", `other = "Un médecin"`, `other = "A doctor"`)
		}, true},
		{"marked in the source description", func(t *testing.T, d string) {
			edit(t, d, setDir+"active.fr.toml", `other = "Un médecin"`, `other = "A doctor"`)
			edit(t, d, setDir+"active.en.toml", `"Answer to 'What do you need first?'"`, `"Answer to 'What do you need first?' `+KeepSourceMarker+`"`)
		}, false},
		{"one identical word", func(t *testing.T, d string) {
			edit(t, d, setDir+"active.en.toml", `other = "A doctor"`, `other = "Doctor"`)
			edit(t, d, setDir+"active.fr.toml", `other = "Un médecin"`, `other = "Doctor"`)
		}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := copySample(t)
			tt.change(t, dir)
			got := issuesText(Check(mustLoad(t, dir), true), dir)
			if strings.Contains(got, warning) != tt.warn {
				t.Errorf("warned = %v, want %v; issues:\n%s", !tt.warn, tt.warn, got)
			}
		})
	}
}
