package app

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/firstline/firstline/phrases/pack"
)

// stateSync is the go-app state holding the packs service's syncStatus.
const stateSync = "firstline.sync"

// syncStatus is what the Packs screen shows of the packs service.
type syncStatus struct {
	Running bool
	Done    int64     // bytes of the current run so far
	Total   int64     // bytes the current run needs
	Started time.Time // of the current run
	Fail    failure   // the last run's failure in plain words, ID "" if none
	Detail  string    // its technical text, for a trainer
	Changed int       // packs installed, updated or removed by the last run
	Rev     int       // bumps on every change, so observers see one
}

// syncer runs the store's operations off the UI goroutine, one at a time,
// and reports progress to the screens through notify.
type syncer struct {
	st   *store
	b    platform
	lang func() string // the UI language, for the default packs

	mu          sync.Mutex
	status      syncStatus
	notify      func(libraryChanged bool) // set by the sync agent
	lastRun     time.Time
	persist     bool
	queue       []func(context.Context) (int, error) // waiting for the run going on
	plainQueued bool                                 // a plain sync is in the queue
}

// syncRequest says what a run does beyond checking for updates.
type syncRequest struct {
	install []string // pack ids to install now
}

// defaultPacks are the packs a new device gets for a UI language: the
// field guide and the default phrase set in that language.
func defaultPacks(cat *pack.Catalog, lang string) []string {
	var ids []string
	for _, e := range cat.Packs {
		if e.Kind != "guide" && !strings.HasPrefix(e.ID, "phrases-"+DefaultSet+"-") {
			continue
		}
		for _, l := range e.Langs {
			if strings.EqualFold(l, lang) {
				ids = append(ids, e.ID)
				break
			}
		}
	}
	return ids
}

// plan lists the packs a run installs: those asked for, the installed
// ones the catalog has a new version of (or that failed to load), and,
// once per UI language, that language's and English's default packs
// (the officer's guide falls back to English).
func (s *syncer) plan(cat *pack.Catalog, req syncRequest) (ids []string, autoLangs []string) {
	ix := s.st.snapshot()
	want := map[string]bool{}
	add := func(id string) {
		if !want[id] {
			want[id] = true
			ids = append(ids, id)
		}
	}
	for _, id := range req.install {
		add(id)
	}
	if len(req.install) > 0 {
		// Install or update just these: the user asked for them.
		return ids, nil
	}
	s.st.mu.RLock()
	for id, p := range ix.Packs {
		e, ok := cat.Entry(id)
		if _, broken := s.st.broken[id]; ok && (e.Manifest != p.Manifest || broken) {
			add(id)
		}
	}
	s.st.mu.RUnlock()
	for _, l := range []string{s.lang(), "en"} {
		if contains(" "+strings.Join(ix.Auto, " ")+" ", " "+l+" ") || contains(" "+strings.Join(autoLangs, " ")+" ", " "+l+" ") {
			continue
		}
		autoLangs = append(autoLangs, l)
		for _, id := range defaultPacks(cat, l) {
			add(id)
		}
	}
	return ids, autoLangs
}

// start runs a sync in the background (see exclusive). A plain sync
// (nothing asked for) already waiting makes another one useless.
func (s *syncer) start(req syncRequest) {
	plain := len(req.install) == 0
	s.mu.Lock()
	if plain && s.status.Running && s.plainQueued {
		s.mu.Unlock()
		return
	}
	if plain && s.status.Running {
		s.plainQueued = true
	}
	s.mu.Unlock()
	s.exclusive(func(ctx context.Context) (int, error) {
		if plain {
			s.mu.Lock()
			s.plainQueued = false
			s.mu.Unlock()
		}
		return s.run(ctx, req)
	})
}

// run checks the catalog and installs what plan says. Nothing it does can
// leave a pack half installed (see store.install).
func (s *syncer) run(ctx context.Context, req syncRequest) (int, error) {
	st := s.st
	st.op.Lock()
	defer st.op.Unlock()
	if !s.b.Online() {
		return 0, errOffline
	}
	ix := st.snapshot()
	prev := st.catalog()
	etag := ix.ETag
	if prev == nil {
		etag = ""
	}
	data, newETag, err := fetchCatalog(ctx, s.b, etag)
	if err != nil {
		return 0, err
	}
	cat := prev
	if data == nil && prev == nil {
		// A 304 to a request that was not conditional.
		return 0, &httpError{URL: packsURL + pack.CatalogPath, Status: 304}
	}
	if data != nil {
		c, err := pack.OpenCatalog(data, st.keys, prev, st.now())
		if err != nil {
			// Expired or bad: keep what is installed, install nothing.
			return 0, err
		}
		cat = c
	}
	if err := st.adopt(cat, newETag); err != nil {
		return 0, err
	}
	if !st.now().Before(cat.Expires) {
		return 0, &pack.ExpiredError{Expires: cat.Expires, Now: st.now()}
	}
	ids, autoLangs := s.plan(cat, req)
	var entries []pack.CatalogEntry
	var need int64
	for _, id := range ids {
		if e, ok := cat.Entry(id); ok {
			entries = append(entries, e)
			need += e.Size
		}
	}
	if len(entries) == 0 && len(autoLangs) == 0 {
		// Nothing to fetch; still finish a cleanup that a crash or a
		// closed tab interrupted (a listing of the cache, no network).
		return 0, st.cleanup()
	}
	if err := st.checkSpace(need); err != nil {
		return 0, err
	}
	s.mu.Lock()
	s.status.Total = need
	s.mu.Unlock()
	done := 0
	var first error
	for _, e := range entries {
		err := st.install(ctx, e, netSource{s.b}, s.progress)
		if err != nil {
			if first == nil {
				first = err
			}
			// A network failure ends the run; a bad pack does not stop
			// the others.
			if isNetwork(err) || errors.Is(err, errQuota) {
				break
			}
			continue
		}
		done++
		s.push(true)
	}
	if first == nil && len(autoLangs) > 0 {
		ix := st.snapshot()
		ix.Auto = append(ix.Auto, autoLangs...)
		if err := st.commit(ix); err != nil {
			first = err
		}
	}
	if err := st.cleanup(); err != nil && first == nil {
		first = err
	}
	s.persistOnce()
	return done, first
}

// persistOnce asks the browser to keep the storage once content is
// installed (navigator.storage.persist), once per run of the app.
func (s *syncer) persistOnce() {
	s.mu.Lock()
	done := s.persist
	s.persist = true
	s.mu.Unlock()
	if !done && len(s.st.packList()) > 0 {
		s.b.PersistStorage()
	}
}

// progress counts n more bytes done, and tells the screens at most ten
// times a second.
func (s *syncer) progress(n int64) {
	s.mu.Lock()
	s.status.Done += n
	tell := time.Since(s.lastRun) > 100*time.Millisecond
	if tell {
		s.lastRun = time.Now()
		s.status.Rev++
	}
	s.mu.Unlock()
	if tell {
		s.push(false)
	}
}

func (s *syncer) finish(changed int, err error) {
	s.mu.Lock()
	s.status.Running = false
	if err != nil {
		s.status.Fail, s.status.Detail = explain(err), err.Error()
	}
	s.status.Changed = changed
	s.status.Rev++
	var next func(context.Context) (int, error)
	if len(s.queue) > 0 {
		next, s.queue = s.queue[0], s.queue[1:]
	}
	s.mu.Unlock()
	s.push(true)
	if next != nil {
		s.exclusive(next)
	}
}

// push tells the screens (through the agent) that the status changed.
func (s *syncer) push(library bool) {
	s.mu.Lock()
	n := s.notify
	s.mu.Unlock()
	if n != nil {
		n(library)
	}
}

// snapshot returns the current status.
func (s *syncer) snapshot() syncStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

// exclusive runs f (a sync, a remove, an import) in the background,
// reporting it in the status. While another runs, f waits and runs right
// after it: a button pressed during the automatic sync at start is never
// lost.
func (s *syncer) exclusive(f func(ctx context.Context) (int, error)) {
	s.mu.Lock()
	if s.status.Running {
		if len(s.queue) < maxQueued {
			s.queue = append(s.queue, f)
		}
		s.mu.Unlock()
		return
	}
	s.status = syncStatus{Running: true, Started: time.Now(), Rev: s.status.Rev + 1}
	s.mu.Unlock()
	s.push(false)
	go func() {
		n, err := f(context.Background())
		s.finish(n, err)
	}()
}

// maxQueued bounds the operations waiting for the one running.
const maxQueued = 16

// remove uninstalls a pack in the background.
func (s *syncer) remove(id string) {
	s.exclusive(func(context.Context) (int, error) {
		return 1, s.st.remove(id)
	})
}

// importBundle installs a side-loaded bundle in the background.
func (s *syncer) importBundle(data []byte) {
	s.exclusive(func(ctx context.Context) (int, error) {
		s.mu.Lock()
		s.status.Total = int64(len(data))
		s.mu.Unlock()
		ids, err := s.st.importBundle(ctx, data, s.progress)
		s.persistOnce()
		return len(ids), err
	})
}
