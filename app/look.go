package app

// The look of the app beyond language and theme (prefs.go): the text size
// and "reduce motion". Both are classes on <html> that web/app.css acts on,
// so every screen follows without knowing about them.

// Storage keys, declared once.
const (
	storeTextSize      = "firstline.textsize"       // one of textSizes
	storeReduceMotion  = "firstline.reduce-motion"  // "1" when on
	storeVictimDefault = "firstline.victim.default" // default victim language tag, "" = ask each time
)

// Text sizes, smallest first. The class on <html> is "text-" + size.
const (
	TextSmall  = "s"
	TextNormal = "m"
	TextLarge  = "l"
	TextXLarge = "xl"
)

var textSizes = []string{TextSmall, TextNormal, TextLarge, TextXLarge}

// classReduceMotion on <html> turns animations and transitions off, as the
// device's own prefers-reduced-motion setting does.
const classReduceMotion = "reduce-motion"

// look is the stored text size and motion setting.
type look struct {
	TextSize     string
	ReduceMotion bool
}

// loadLook reads the look from storage; anything unknown is the default.
func loadLook(b platform) look {
	l := look{TextSize: b.Get(storeTextSize), ReduceMotion: b.Get(storeReduceMotion) == "1"}
	if !validTextSize(l.TextSize) {
		l.TextSize = TextNormal
	}
	return l
}

func validTextSize(s string) bool {
	for _, t := range textSizes {
		if s == t {
			return true
		}
	}
	return false
}

// saveLook stores l and applies it to the document.
func saveLook(b platform, l look) {
	b.Set(storeTextSize, l.TextSize)
	motion := ""
	if l.ReduceMotion {
		motion = "1"
	}
	b.Set(storeReduceMotion, motion)
	applyLook(b, l)
}

// applyLook sets the root classes of l: exactly one text-* class, and
// reduce-motion when on.
func applyLook(b platform, l look) {
	for _, t := range textSizes {
		b.SetRootClass("text-"+t, t == l.TextSize)
	}
	b.SetRootClass(classReduceMotion, l.ReduceMotion)
}

// applyStoredLook applies the stored look to the document; Register calls
// it, before the first screen renders.
func applyStoredLook() { applyLook(browser, loadLook(browser)) }

// victimLangDefault is the victim language the phrase screens open with,
// or "" to ask each time (chosen in Settings).
func victimLangDefault(b platform) string { return b.Get(storeVictimDefault) }
