package app

import (
	"sync"

	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// stateLibrary is the go-app state that changes whenever installed content
// changes (a pack installed, updated or removed): its value is a revision
// counter. Screens that show content observe it and read the Library again.
const stateLibrary = "firstline.library"

// Library is the installed, verified content the field screens read. The
// sync service (packs) is the only writer; screens never see a pack that
// is not whole and verified.
type Library interface {
	// Guide returns the installed field guide in lang, or nil.
	Guide(lang string) *phrases.Guide
	// Phrases returns the installed phrase set in lang, or nil.
	Phrases(set, lang string) *phrases.PhrasePack
	// PhraseLangs lists the languages of a phrase set installed here.
	PhraseLangs(set string) []string
	// Regions returns the installed regional packs.
	Regions() []*phrases.RegionPack
	// AudioURL returns a URL an <audio> element can play for a file of an
	// installed phrase pack (Phrase.Audio), or "" if there is none.
	AudioURL(set, lang, name string) string
}

// DefaultSet is the phrase set the app opens.
const DefaultSet = "first-contact"

var (
	libraryMu sync.RWMutex
	library   Library = &memLibrary{}
)

// SetLibrary installs the content source (the wasm main sets the real
// store; tests set a memLibrary).
func SetLibrary(l Library) {
	libraryMu.Lock()
	library = l
	libraryMu.Unlock()
}

// currentLibrary returns the content source.
func currentLibrary() Library {
	libraryMu.RLock()
	defer libraryMu.RUnlock()
	return library
}

// libraryChanged tells every screen that installed content changed.
func libraryChanged(ctx app.Context) {
	var rev int
	ctx.GetState(stateLibrary, &rev)
	ctx.SetState(stateLibrary, rev+1)
}

// memLibrary is a Library held in memory: for tests, and the empty library
// of a device with nothing installed.
type memLibrary struct {
	guides  map[string]*phrases.Guide
	sets    map[string]map[string]*phrases.PhrasePack // set -> lang
	regions []*phrases.RegionPack
	audio   map[string]string // set/lang/name -> URL
}

func (m *memLibrary) Guide(lang string) *phrases.Guide { return m.guides[lang] }

func (m *memLibrary) Phrases(set, lang string) *phrases.PhrasePack { return m.sets[set][lang] }

func (m *memLibrary) PhraseLangs(set string) []string {
	var out []string
	for l := range m.sets[set] {
		out = append(out, l)
	}
	return out
}

func (m *memLibrary) Regions() []*phrases.RegionPack { return m.regions }

func (m *memLibrary) AudioURL(set, lang, name string) string { return m.audio[set+"/"+lang+"/"+name] }
