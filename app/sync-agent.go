package app

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The packs service: the store (the Library) and its syncer, started by
// the wasm main with StartPacks. Natively (tests, prerendering) there is
// none and the screens show an empty library.
var (
	packsMu      sync.Mutex
	packsService *syncer
	packsStarted sync.Once
)

// StartPacks makes the installed packs the Library, loads them in the
// background (the screens refresh when they are in: blocking here would
// delay the app's first render behind its loading screen), and arranges
// a sync on the first page shown, on every return of the network, and on
// demand from the Packs screen. Without trusted keys compiled in, nothing
// can be verified: it returns the error and the library stays empty.
func StartPacks() error {
	keys, err := trustedKeys()
	if err != nil {
		return err
	}
	st := newStore(browser, keys)
	SetLibrary(st)
	s := &syncer{st: st, b: browser, lang: func() string { return resolvePrefs(browser).Lang }}
	packsMu.Lock()
	packsService = s
	packsMu.Unlock()
	go func() {
		st.op.Lock() // a sync waits for the packs to be loaded
		st.loadAll()
		st.op.Unlock()
		s.push(true)
	}()
	return nil
}

func service() *syncer {
	packsMu.Lock()
	defer packsMu.Unlock()
	return packsService
}

// packsAgent wraps every routed page (routes.go) so that the packs service
// has a mounted component to tell the screens through: it renders the
// page as it is and adds nothing to the document.
type packsAgent struct {
	app.Compo
	IPage app.Composer

	lang string
}

// withPacks wraps a page factory with the packs agent.
func withPacks(f func() app.Composer) func() app.Composer {
	return func() app.Composer { return &packsAgent{IPage: f()} }
}

func (a *packsAgent) Render() app.UI { return a.IPage }

func (a *packsAgent) OnMount(ctx app.Context) {
	s := service()
	if s == nil {
		return
	}
	s.mu.Lock()
	s.notify = func(library bool) {
		ctx.Dispatch(func(ctx app.Context) {
			ctx.SetState(stateSync, s.snapshot())
			if library {
				libraryChanged(ctx)
			}
		})
	}
	s.mu.Unlock()
	ctx.SetState(stateSync, s.snapshot())
	libraryChanged(ctx) // in case the packs loaded before this mount
	// A new UI language brings its default packs (plan, once per language).
	var p prefs
	ctx.ObserveState(statePrefs, &p).OnChange(func() {
		if p.Lang != "" && a.lang != "" && p.Lang != a.lang {
			s.start(syncRequest{})
		}
		a.lang = p.Lang
	})
	a.lang = resolvePrefs(browser).Lang
	packsStarted.Do(func() {
		browser.OnConnectivity(func(online bool) {
			if online {
				s.start(syncRequest{})
			}
		})
		s.start(syncRequest{})
	})
}
