package app

import (
	"github.com/firstline/firstline/locales"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// State keys and storage keys, declared once.
const (
	statePrefs = "firstline.prefs" // go-app state: the current prefs

	storeLang     = "firstline.lang"     // the user's chosen UI language, "" = the device's
	storeTheme    = "firstline.theme"    // "system", "light" or "dark"
	storeResolved = "firstline.resolved" // "<lang> <dir>", read by web/boot.js before the wasm starts
)

// Themes.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// prefs are the user's display preferences, shared by every component
// through the statePrefs state.
type prefs struct {
	Choice string // chosen UI language tag, "" = follow the device
	Lang   string // UI language in effect
	Dir    string // "ltr" or "rtl"
	Theme  string
}

// resolvePrefs works out the prefs in effect from what is stored and the
// device's languages.
func resolvePrefs(b platform) prefs {
	cat := locales.Default()
	p := prefs{Choice: b.Get(storeLang), Theme: b.Get(storeTheme)}
	if !cat.Has(p.Choice) {
		p.Choice = ""
	}
	p.Lang = p.Choice
	if p.Lang == "" {
		p.Lang = cat.Match(b.Languages()...)
	}
	p.Dir = cat.Lang(p.Lang).Dir
	switch p.Theme {
	case ThemeLight, ThemeDark:
	default:
		p.Theme = ThemeSystem
	}
	return p
}

// applyPrefs stores p and applies it to the document.
func applyPrefs(b platform, p prefs) {
	b.Set(storeLang, p.Choice)
	b.Set(storeTheme, p.Theme)
	b.Set(storeResolved, p.Lang+" "+p.Dir)
	b.SetDocument(p.Lang, p.Dir, p.Theme)
}

// setPrefs changes the prefs for the whole app: stored, applied to the
// document and pushed to every component observing them.
func setPrefs(ctx app.Context, p prefs) {
	p = resolvePrefsWith(p)
	applyPrefs(browser, p)
	ctx.SetState(statePrefs, p)
}

// resolvePrefsWith fills Lang and Dir from Choice.
func resolvePrefsWith(p prefs) prefs {
	cat := locales.Default()
	if p.Choice != "" && cat.Has(p.Choice) {
		p.Lang = p.Choice
	} else {
		p.Choice = ""
		p.Lang = cat.Match(browser.Languages()...)
	}
	p.Dir = cat.Lang(p.Lang).Dir
	return p
}

// localized is embedded by components that show UI strings.
type localized struct {
	prefs prefs
}

// observePrefs loads the current prefs into l and keeps them current.
func (l *localized) observePrefs(ctx app.Context) {
	var p prefs
	ctx.GetState(statePrefs, &p)
	if p.Lang == "" {
		p = resolvePrefs(browser)
		applyPrefs(browser, p)
		ctx.SetState(statePrefs, p)
	}
	l.prefs = p
	ctx.ObserveState(statePrefs, &l.prefs)
}

// T returns the UI string id in the current language.
func (l *localized) T(id string) string {
	return locales.Default().T(l.lang(), id)
}

// N returns the plural UI string id for n in the current language.
func (l *localized) N(id string, n int) string {
	return locales.Default().N(l.lang(), id, n)
}

func (l *localized) lang() string {
	if l.prefs.Lang == "" {
		return locales.Source
	}
	return l.prefs.Lang
}
