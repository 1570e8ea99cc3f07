//go:build !(js && wasm)

package app

import "sync"

// memDevice is the native twin of fieldDevice: it records what the app
// asked for. Tests set voices and noWakeLock.
type memDevice struct {
	mu         sync.Mutex
	noWakeLock bool     // emulate a browser without the Wake Lock API
	awake      int      // wake locks held
	voices     []string // language tags with a voice
	spoken     []string // "lang: text"
	played     []string // URLs
	copied     []string
}

func (d *memDevice) KeepAwake() (func(), bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.noWakeLock {
		return func() {}, false
	}
	d.awake++
	var once sync.Once
	return func() {
		once.Do(func() {
			d.mu.Lock()
			d.awake--
			d.mu.Unlock()
		})
	}, true
}

func (d *memDevice) HasVoice(lang string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, v := range d.voices {
		if sameLanguage(v, lang) {
			return true
		}
	}
	return false
}

func (d *memDevice) Speak(text, lang string) {
	d.mu.Lock()
	d.spoken = append(d.spoken, lang+": "+text)
	d.mu.Unlock()
}

func (d *memDevice) PlayAudio(url string) {
	d.mu.Lock()
	d.played = append(d.played, url)
	d.mu.Unlock()
}

func (d *memDevice) StopAudio() {}

func (d *memDevice) CopyText(text string, done func(bool)) {
	d.mu.Lock()
	d.copied = append(d.copied, text)
	d.mu.Unlock()
	done(true)
}
