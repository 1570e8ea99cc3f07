package app

import "strings"

// fieldDevice is the part of platform the show-to-victim screen uses:
// keeping the screen on, speech, sound and the clipboard.
// platform_field_wasm.go has the real calls and platform_field_other.go a
// native twin that records them for tests.
type fieldDevice interface {
	// KeepAwake keeps the screen on where the browser has the Wake Lock
	// API (again after the page was hidden and shown); release lets it
	// sleep. ok is false where there is no Wake Lock.
	KeepAwake() (release func(), ok bool)
	// HasVoice reports whether speech synthesis has a voice for lang.
	HasVoice(lang string) bool
	// Speak reads text aloud in lang, stopping any sound playing.
	Speak(text, lang string)
	// PlayAudio plays the sound file at url, stopping any sound playing.
	PlayAudio(url string)
	// StopAudio stops speech and sound.
	StopAudio()
	// CopyText puts text on the clipboard, then calls done (from a
	// browser callback: dispatch to the UI goroutine) with the outcome.
	CopyText(text string, done func(ok bool))
}

// sameLanguage reports whether a voice's language tag ("fr-FR", "fr_CA",
// "zh-CN") serves a pack's language ("fr", "zh-Hans"): the primary
// language subtags match.
func sameLanguage(voice, lang string) bool {
	primary := func(s string) string {
		s = strings.ToLower(strings.ReplaceAll(s, "_", "-"))
		p, _, _ := strings.Cut(s, "-")
		return p
	}
	return primary(voice) != "" && primary(voice) == primary(lang)
}
