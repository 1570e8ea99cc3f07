package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/firstline/firstline/phrases"
	"github.com/firstline/firstline/phrases/pack"
)

// storePacks is the local storage key of the installed index. The whole
// index is written in one setItem, so a pack switches to its new version
// in one step: a crash or a closed tab at any moment leaves the old index
// or the new one, never a mix.
const storePacks = "firstline.packs"

// blobPrefix is the key of a blob in packsCache: the same path as on the
// server, so a key names its bytes everywhere.
const blobPrefix = "/packs/blobs/"

func blobKey(hash string) string { return blobPrefix + hash }

// TrustedKeys are the public keys the app trusts for catalogs and
// manifests, one "name+hash+base64" a line. The build sets them:
// go build -ldflags "-X github.com/firstline/firstline/app.TrustedKeys=..."
// (the Makefile reads bin/keys/*.pub). Spaces separate keys too, as
// -ldflags cannot carry newlines.
var TrustedKeys string

// trustedKeys parses TrustedKeys.
func trustedKeys() (pack.Keys, error) {
	return pack.ParseKeys(strings.Join(strings.Fields(TrustedKeys), "\n"))
}

// index is what is installed, as stored under storePacks.
type index struct {
	Catalog  string                `json:"catalog,omitempty"`  // the signed catalog last trusted
	ETag     string                `json:"etag,omitempty"`     // its ETag, for If-None-Match
	Verified time.Time             `json:"verified,omitempty"` // when the server last confirmed it
	Auto     []string              `json:"auto,omitempty"`     // UI languages whose default packs were installed once
	Packs    map[string]*installed `json:"packs,omitempty"`
}

// installed is one installed, verified pack: what its manifest said.
type installed struct {
	ID        string              `json:"id"`
	Kind      string              `json:"kind"`
	Title     string              `json:"title"`
	Langs     []string            `json:"langs"`
	Version   int64               `json:"version"`
	Manifest  string              `json:"manifest"`
	Files     []pack.ManifestFile `json:"files"`
	Installed time.Time           `json:"installed"`
}

// Size is the bytes of the pack's files.
func (p *installed) Size() int64 {
	var n int64
	for _, f := range p.Files {
		n += f.Size
	}
	return n
}

func (ix *index) clone() *index {
	b, _ := json.Marshal(ix)
	var c index
	json.Unmarshal(b, &c)
	if c.Packs == nil {
		c.Packs = map[string]*installed{}
	}
	return &c
}

// store is the device's content: the index, the blobs in Cache Storage,
// and the decoded packs in memory, which it serves as the Library. Its
// mutations (install, remove, cleanup) run one at a time under op.
type store struct {
	b    platform
	keys pack.Keys
	now  func() time.Time

	op sync.Mutex // one mutation at a time

	mu     sync.RWMutex
	ix     *index
	cat    *pack.Catalog // the trusted catalog, nil if none
	loaded map[string]*loadedPack
	broken map[string]error // installed packs that failed to load
}

// loadedPack is an installed pack decoded for the screens.
type loadedPack struct {
	guide  *phrases.Guide
	set    *phrases.PhrasePack
	region *phrases.RegionPack
	audio  map[string]string // file name -> object URL
}

// openStore reads the index and loads every installed pack from Cache
// Storage, checking each blob's hash again. A pack whose blobs are gone
// or damaged (storage cleared by the browser) is left out of the library
// and reinstalled by the next sync. It blocks: call it off the UI
// goroutine, or at start before the app runs.
func openStore(b platform, keys pack.Keys) *store {
	s := newStore(b, keys)
	s.loadAll()
	return s
}

// newStore reads the index (local storage: quick) but loads no pack yet:
// loadAll does, off the UI goroutine.
func newStore(b platform, keys pack.Keys) *store {
	s := &store{b: b, keys: keys, now: time.Now, loaded: map[string]*loadedPack{}, broken: map[string]error{}}
	s.ix = &index{Packs: map[string]*installed{}}
	if raw := b.Get(storePacks); raw != "" {
		var ix index
		if err := json.Unmarshal([]byte(raw), &ix); err == nil {
			s.ix = ix.clone()
		}
	}
	if s.ix.Catalog != "" {
		// An expired catalog is still the one to compare the next with.
		c, err := pack.OpenCatalog([]byte(s.ix.Catalog), keys, nil, s.now())
		var expired *pack.ExpiredError
		if err == nil || errors.As(err, &expired) {
			s.cat = c
		}
	}
	return s
}

// loadAll loads every installed pack into the library.
func (s *store) loadAll() {
	for _, p := range s.packList() {
		lp, err := s.load(&p)
		s.mu.Lock()
		if err != nil {
			s.broken[p.ID] = err
		} else {
			s.loaded[p.ID] = lp
		}
		s.mu.Unlock()
	}
}

// load reads, checks and decodes one installed pack.
func (s *store) load(p *installed) (*loadedPack, error) {
	lp := &loadedPack{audio: map[string]string{}}
	for _, f := range p.Files {
		isAudio := strings.HasPrefix(f.Type, "audio/")
		if f.Name != "pack.json" && !isAudio {
			continue
		}
		data, ok, err := s.b.CacheGet(blobKey(f.SHA256))
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, &pack.MissingError{Pack: p.ID, Name: f.Name, Hash: f.SHA256}
		}
		if err := pack.CheckFile(f, data); err != nil {
			return nil, err
		}
		if isAudio {
			lp.audio[f.Name] = s.b.ObjectURL(data, f.Type)
			continue
		}
		if err := lp.decode(p.Kind, data); err != nil {
			return nil, err
		}
	}
	return lp, nil
}

// decode decodes a pack.json of the given kind; other kinds are kept
// installed but not shown (a newer app may know them).
func (lp *loadedPack) decode(kind string, data []byte) (err error) {
	switch kind {
	case phrases.KindGuide:
		lp.guide, err = phrases.DecodeGuide(data)
	case phrases.KindPhrases:
		lp.set, err = phrases.DecodePhrasePack(data)
	case phrases.KindRegion:
		lp.region, err = phrases.DecodeRegion(data)
	}
	return err
}

// commit writes ix as the new index in one step, then makes it current.
// A full local storage makes setItem throw: that is a failure to report
// (the old index stays), not a crash of the app.
func (s *store) commit(ix *index) (err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			err = fmt.Errorf("saving the pack index: %v: %w", e, errQuota)
		}
	}()
	b, err := json.Marshal(ix)
	if err != nil {
		return err
	}
	s.b.Set(storePacks, string(b))
	if s.b.Get(storePacks) != string(b) {
		return fmt.Errorf("saving the pack index: %w", errQuota)
	}
	s.mu.Lock()
	s.ix = ix
	s.mu.Unlock()
	return nil
}

// snapshot returns a copy of the index to change and commit.
func (s *store) snapshot() *index {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.ix.clone()
}

// catalog returns the trusted catalog (nil if none).
func (s *store) catalog() *pack.Catalog {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cat
}

// cleanup deletes every blob of packsCache that no installed pack uses:
// what a removed pack or an old version left, and the blobs of an install
// that was interrupted before its switch.
func (s *store) cleanup() error {
	keys, err := s.b.CacheKeys()
	if err != nil {
		return err
	}
	s.mu.RLock()
	used := map[string]bool{}
	for _, p := range s.ix.Packs {
		for _, f := range p.Files {
			used[blobKey(f.SHA256)] = true
		}
	}
	s.mu.RUnlock()
	for _, k := range keys {
		if !used[k] {
			if err := s.b.CacheDelete(k); err != nil {
				return err
			}
		}
	}
	return nil
}

// remove uninstalls a pack: one index write, then its blobs go.
func (s *store) remove(id string) error {
	s.op.Lock()
	defer s.op.Unlock()
	ix := s.snapshot()
	if ix.Packs[id] == nil {
		return nil
	}
	delete(ix.Packs, id)
	if err := s.commit(ix); err != nil {
		return err
	}
	s.mu.Lock()
	delete(s.loaded, id)
	delete(s.broken, id)
	s.mu.Unlock()
	return s.cleanup()
}

// packList returns the installed packs sorted by id.
func (s *store) packList() []installed {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []installed
	for _, p := range s.ix.Packs {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// verified returns when the server last confirmed the catalog.
func (s *store) verified() time.Time {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.ix.Verified
}
