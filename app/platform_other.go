//go:build !(js && wasm)

package app

import "sync"

// memPlatform is the native twin of the browser: storage in memory, fixed
// languages, online unless told otherwise. Tests set its fields.
type memPlatform struct {
	mu           sync.Mutex
	store        map[string]string
	langs        []string
	offline      bool
	apple        bool
	controlled   bool
	updateChecks int
	docLang      string
	docDir       string
	docTheme     string
	listeners    []func(bool)

	memPacks  // the content packs' calls: platform_packs_other.go
	memDevice // the show-to-victim screen's calls: platform_field_other.go
}

func newPlatform() platform { return &memPlatform{store: map[string]string{}, langs: []string{"en"}} }

func (p *memPlatform) Get(key string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.store[key]
}

func (p *memPlatform) Set(key, value string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.store[key] = value
}

func (p *memPlatform) Languages() []string     { return p.langs }
func (p *memPlatform) Online() bool            { return !p.offline }
func (p *memPlatform) AppleMobile() bool       { return p.apple }
func (p *memPlatform) Standalone() bool        { return false }
func (p *memPlatform) StartedControlled() bool { return p.controlled }
func (p *memPlatform) CheckForUpdate()         { p.updateChecks++ }

func (p *memPlatform) OnConnectivity(f func(bool)) func() {
	p.listeners = append(p.listeners, f)
	return func() {}
}

func (p *memPlatform) SetDocument(lang, dir, theme string) {
	p.docLang, p.docDir, p.docTheme = lang, dir, theme
}
