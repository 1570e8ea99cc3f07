//go:build !wasm

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"strconv"
	"strings"

	fl "github.com/firstline/firstline/app"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// securityHeaders go on every response. The CSP is as strict as go-app
// allows: its scripts are files (no inline script), the wasm needs
// 'wasm-unsafe-eval', and nothing is loaded from another origin.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
		"img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; " +
		"worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
	"X-Content-Type-Options":       "nosniff",
	"Referrer-Policy":              "no-referrer",
	"X-Frame-Options":              "DENY",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
	"Permissions-Policy":           "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}

// Cache policies. Shell files must be revalidated (cheap: strong ETags
// answer 304) so that an update is never hidden by a cache; the service
// worker keeps them for offline use.
const cacheRevalidate = "no-cache"

// goappFiles are the files go-app generates; the server takes them from
// go-app once at start and serves them like any other asset (compressed,
// strong ETags).
var goappFiles = []string{"/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest", "/app.css"}

// server is firstline's HTTP handler: the app shell and its assets.
type server struct {
	version string
	assets  assetSet
	pages   http.Handler
	packs   http.Handler // nil: no pack repository
}

// newServer builds the handler from the web assets in webFS (web.FS in
// production: styles, icons, the service worker template, app.wasm) and
// serves the pack repository packsFS (nil: none) under /packs/.
func newServer(webFS, packsFS fs.FS) (*server, error) {
	assets, err := loadAssets(webFS, "/web/")
	if err != nil {
		return nil, fmt.Errorf("reading web assets: %w", err)
	}
	if _, ok := assets["/web/app.wasm"]; !ok {
		return nil, errors.New("web/app.wasm is missing: build it first with `make build`")
	}
	worker, ok := assets["/web/app-worker.js"]
	if !ok {
		return nil, errors.New("web/app-worker.js is missing")
	}
	s := &server{version: assets.version(), assets: assets}
	if packsFS != nil {
		s.packs = newPackRepo(packsFS)
	}

	fl.Register()
	h := &app.Handler{
		Name:            "firstline",
		ShortName:       "firstline",
		Title:           "firstline",
		Description:     "Offline field tool for first responders who meet possible victims of human trafficking.",
		Lang:            "en",
		Author:          "firstline",
		BackgroundColor: "#0b5cab",
		ThemeColor:      "#0b5cab",
		LoadingLabel:    "firstline {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles: []string{"/web/app.css"},
		// Start fetching the wasm with the HTML rather than after the
		// deferred scripts have run; app.js's fetch() then takes the
		// preloaded response.
		RawHeaders:              []string{`<link rel="preload" href="/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`},
		Scripts:                 []string{"/web/boot.js"},
		CacheableResources:      []string{"/web/icon.svg", "/web/boot.js"},
		Version:                 s.version,
		WasmContentLengthHeader: rawSizeHeader,
		// The raw size also goes into app.js, so the loading progress is
		// right on a static host that cannot send X-Uncompressed-Length.
		WasmContentLength:     strconv.Itoa(len(assets["/web/app.wasm"].data)),
		ServiceWorkerTemplate: string(worker.data),
		Resources:             app.LocalDir(""),
	}
	s.pages = h
	for _, name := range goappFiles {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, name, nil))
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("go-app did not produce %s: %d", name, rec.Code)
		}
		body := rec.Body.Bytes()
		if name == "/app.js" {
			if body, err = deferWorkerRegistration(body); err != nil {
				return nil, err
			}
		}
		assets[name] = newAsset(name, body)
	}
	assets["/robots.txt"] = assets["/web/robots.txt"]
	assets.gzipSmall()
	return s, nil
}

// secureReadOnly sets the security headers on w and refuses any method but
// GET and HEAD (405); it reports whether to go on serving r.
func secureReadOnly(w http.ResponseWriter, r *http.Request) bool {
	for k, v := range securityHeaders {
		w.Header().Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return false
	}
	return true
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !secureReadOnly(w, r) {
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.ContainsRune(p, 0) || path.Clean(p) != p && p != "/" {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if strings.HasPrefix(p, PacksPrefix) && s.packs != nil {
		s.packs.ServeHTTP(w, r)
		return
	}
	if a, ok := s.assets[p]; ok {
		a.serve(w, r, cacheRevalidate)
		return
	}
	if strings.HasPrefix(p, "/web/") || path.Ext(p) != "" {
		http.NotFound(w, r)
		return
	}
	// An app route: go-app prerenders the page.
	s.pages.ServeHTTP(w, r)
}

// deferWorkerRegistration moves go-app's service worker registration from
// the start of app.js to just after the wasm has been fetched and started.
// Registered at once, the worker's precache downloads app.wasm a second
// time in parallel with the page's own download, which on a slow phone
// link doubles the first load; registered after, its precache
// revalidates against the HTTP cache the page just filled (304s).
func deferWorkerRegistration(appJS []byte) ([]byte, error) {
	const (
		early = "goappInitServiceWorker();\ngoappWatchForUpdate();"
		late  = "go.run(wasm.instance);\n    loader.remove();"
	)
	s := string(appJS)
	if strings.Count(s, early) != 1 || strings.Count(s, late) != 1 {
		return nil, errors.New("go-app's app.js changed: cannot defer the service worker registration (see deferWorkerRegistration)")
	}
	s = strings.Replace(s, early, "goappWatchForUpdate();", 1)
	s = strings.Replace(s, late, late+"\n    goappInitServiceWorker();", 1)
	// Served by the service worker (from Cache Storage), the wasm goes to
	// instantiateStreaming as the real response: Chrome can then reuse its
	// compiled code instead of compiling 7 MB again on every start. The
	// progress wrapper makes a synthetic Response, which defeats that, and
	// a local read needs no progress bar.
	const fetchWasm = "fetchWithProgress(\"/web/app.wasm\", showProgress)"
	if strings.Count(s, fetchWasm) != 1 {
		return nil, errors.New("go-app's app.js changed: cannot find the wasm fetch (see deferWorkerRegistration)")
	}
	s = strings.Replace(s, fetchWasm, "(navigator.serviceWorker && navigator.serviceWorker.controller ? fetch(\"/web/app.wasm\") : "+fetchWasm+")", 1)
	// If the wasm cannot load at all, still register, so the app shell is
	// cached for the next, offline visit.
	s = strings.Replace(s, "console.error(\"loading wasm failed: \", err);", "console.error(\"loading wasm failed: \", err);\n    goappInitServiceWorker();", 1)
	return []byte(s), nil
}
