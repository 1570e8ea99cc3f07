package source

import (
	"regexp"
	"unicode"

	"golang.org/x/text/language"
)

// scriptTables maps ISO 15924 codes (as x/text reports a language's
// likely script) to Go's Unicode script tables. A language whose script
// is not here is not checked for the wrong script.
var scriptTables = map[string][]*unicode.RangeTable{
	"Latn": {unicode.Latin},
	"Cyrl": {unicode.Cyrillic},
	"Arab": {unicode.Arabic},
	"Hebr": {unicode.Hebrew},
	"Grek": {unicode.Greek},
	"Armn": {unicode.Armenian},
	"Geor": {unicode.Georgian},
	"Ethi": {unicode.Ethiopic},
	"Hans": {unicode.Han},
	"Hant": {unicode.Han},
	"Jpan": {unicode.Han, unicode.Hiragana, unicode.Katakana},
	"Kore": {unicode.Hangul, unicode.Han},
	"Deva": {unicode.Devanagari},
	"Beng": {unicode.Bengali},
	"Guru": {unicode.Gurmukhi},
	"Gujr": {unicode.Gujarati},
	"Orya": {unicode.Oriya},
	"Taml": {unicode.Tamil},
	"Telu": {unicode.Telugu},
	"Knda": {unicode.Kannada},
	"Mlym": {unicode.Malayalam},
	"Sinh": {unicode.Sinhala},
	"Thai": {unicode.Thai},
	"Laoo": {unicode.Lao},
	"Khmr": {unicode.Khmer},
	"Mymr": {unicode.Myanmar},
	"Tibt": {unicode.Tibetan},
	"Mong": {unicode.Mongolian},
	"Thaa": {unicode.Thaana},
	"Syrc": {unicode.Syriac},
	"Nkoo": {unicode.Nko},
	"Adlm": {unicode.Adlam},
	"Tfng": {unicode.Tifinagh},
}

// minLetters: shorter texts ("OK", "SOS", numbers, names) are not judged.
const minLetters = 4

var placeholderRE = regexp.MustCompile(`\{\{[^}]*\}\}`)

// expectedScript returns the script code and tables a language is
// written in, or "" when unknown.
func expectedScript(tag language.Tag) (string, []*unicode.RangeTable) {
	sc, _ := language.Make(tag.String()).Script()
	return sc.String(), scriptTables[sc.String()]
}

// scriptShare returns how many letters text has (placeholders removed)
// and what share of them is in one of tables.
func scriptShare(text string, tables []*unicode.RangeTable) (letters int, share float64) {
	text = placeholderRE.ReplaceAllString(text, "")
	in := 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.In(r, tables...) {
			in++
		}
	}
	if letters == 0 {
		return 0, 1
	}
	return letters, float64(in) / float64(letters)
}

// dominantScript names the script most letters of text are in, for
// messages.
func dominantScript(text string) string {
	counts := map[string]int{}
	best, n := "", 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		for name, t := range unicode.Scripts {
			if unicode.Is(t, r) {
				counts[name]++
				if c := counts[name]; c > n || c == n && name < best {
					best, n = name, c
				}
				break
			}
		}
	}
	return best
}

// placeholders returns the {{.X}} placeholders of text as a sorted set.
func placeholders(text string) map[string]int {
	m := map[string]int{}
	for _, p := range placeholderRE.FindAllString(text, -1) {
		m[p]++
	}
	return m
}
