//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/firstline/firstline/web"
)

// fakeWeb is a web folder with a small stand-in wasm and its compressed
// copies, so the server can be tested without the wasm build.
func fakeWeb(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range []string{"app-worker.js", "app.css", "boot.js", "icon.svg", "icon-192.png", "icon-512.png", "icon-maskable-512.png", "robots.txt"} {
		b, err := web.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	wasm := bytes.Repeat([]byte("\x00asm fake wasm body "), 2000)
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(wasm)
	w.Close()
	m["app.wasm"] = &fstest.MapFile{Data: wasm}
	m["app.wasm.gz"] = &fstest.MapFile{Data: gz.Bytes()}
	m["app.wasm.br"] = &fstest.MapFile{Data: []byte("pretend brotli")}
	return m
}

func newFakeServer(t testing.TB) *server {
	t.Helper()
	packs := fstest.MapFS{
		"catalog":                           &fstest.MapFile{Data: []byte("signed catalog\n")},
		"blobs/" + strings.Repeat("ab", 32): &fstest.MapFile{Data: []byte("0123456789")},
	}
	s, err := newServer(fakeWeb(t), packs)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t *testing.T, h http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestWasmEncodings(t *testing.T) {
	s := newFakeServer(t)
	raw := fakeWeb(t)["app.wasm"]
	for _, tc := range []struct {
		accept, enc string
		body        []byte
	}{
		{"gzip, deflate, br", "br", []byte("pretend brotli")},
		{"gzip", "gzip", fakeWeb(t)["app.wasm.gz"].Data},
		{"br;q=0, gzip;q=0.5", "gzip", fakeWeb(t)["app.wasm.gz"].Data},
		{"", "", raw.Data},
		{"identity", "", raw.Data},
		{"*", "br", []byte("pretend brotli")},
	} {
		w := get(t, s, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": tc.accept})
		if w.Code != 200 {
			t.Fatalf("%q: status %d", tc.accept, w.Code)
		}
		h := w.Header()
		if got := h.Get("Content-Encoding"); got != tc.enc {
			t.Errorf("%q: Content-Encoding %q, want %q", tc.accept, got, tc.enc)
		}
		if !bytes.Equal(w.Body.Bytes(), tc.body) {
			t.Errorf("%q: wrong body (%d bytes)", tc.accept, w.Body.Len())
		}
		if got, want := h.Get("Content-Length"), strconv.Itoa(len(tc.body)); got != want {
			t.Errorf("%q: Content-Length %q, want %q", tc.accept, got, want)
		}
		if got, want := h.Get(rawSizeHeader), strconv.Itoa(len(raw.Data)); got != want {
			t.Errorf("%q: %s %q, want %q (the loading progress counts raw bytes)", tc.accept, rawSizeHeader, got, want)
		}
		if h.Get("Vary") != "Accept-Encoding" || h.Get("Content-Type") != "application/wasm" {
			t.Errorf("%q: Vary %q, Content-Type %q", tc.accept, h.Get("Vary"), h.Get("Content-Type"))
		}
	}
}

func TestETagsAreStrongAndPerEncoding(t *testing.T) {
	s := newFakeServer(t)
	br := get(t, s, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "br"}).Header().Get("ETag")
	gz := get(t, s, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "gzip"}).Header().Get("ETag")
	id := get(t, s, "GET", "/web/app.wasm", nil).Header().Get("ETag")
	if br == gz || gz == id || br == id || strings.HasPrefix(br, "W/") || !strings.HasPrefix(br, `"`) {
		t.Fatalf("ETags must be strong and differ per encoding: %q %q %q", br, gz, id)
	}
	w := get(t, s, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "br", "If-None-Match": br})
	if w.Code != http.StatusNotModified || w.Body.Len() != 0 {
		t.Errorf("revalidation: %d with %d bytes, want 304 and none", w.Code, w.Body.Len())
	}
	if w := get(t, s, "GET", "/web/app.wasm", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": br}); w.Code != 200 {
		t.Errorf("a brotli ETag must not validate the gzip body: %d", w.Code)
	}
	if got := get(t, s, "GET", "/web/app.css", nil).Header().Get("Cache-Control"); got != "no-cache" {
		t.Errorf("shell files Cache-Control = %q", got)
	}
}

func TestHeadersOnEveryResponse(t *testing.T) {
	s := newFakeServer(t)
	for _, target := range []string{"/", "/settings", "/web/app.css", "/app.js", "/app-worker.js", "/manifest.webmanifest", "/nope.txt", "/packs/catalog"} {
		h := get(t, s, "GET", target, nil).Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "script-src 'self' 'wasm-unsafe-eval'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", target, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http") {
			t.Errorf("%s: CSP allows inline code or another origin: %q", target, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: nosniff %q, referrer %q", target, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
		}
	}
}

func TestBadRequests(t *testing.T) {
	s := newFakeServer(t)
	for _, tc := range []struct {
		method, target string
		want           int
	}{
		{"POST", "/", http.StatusMethodNotAllowed},
		{"DELETE", "/web/app.css", http.StatusMethodNotAllowed},
		{"GET", "/web/../go.mod", http.StatusBadRequest},
		{"GET", "/web/%2e%2e/go.mod", http.StatusBadRequest},
		{"GET", "/web//app.css", http.StatusBadRequest},
		{"GET", "/web/..%5cgo.mod", http.StatusBadRequest},
		{"GET", "/web/missing.js", http.StatusNotFound},
		{"GET", "/web/web.go", http.StatusNotFound},
		{"GET", "/go.mod", http.StatusNotFound},
		{"GET", "/no-such-route", http.StatusNotFound},
		{"GET", "/packs/../catalog", http.StatusBadRequest},
		{"GET", "/packs/blobs/../catalog", http.StatusBadRequest},
		{"GET", "/packs/blobs/zz", http.StatusNotFound},
		{"GET", "/packs/blobs/" + strings.Repeat("AB", 32), http.StatusNotFound},
		{"GET", "/packs/secret", http.StatusNotFound},
	} {
		// The path exactly as a client may send it (no dot-segment removal).
		r := httptest.NewRequest(tc.method, "/", nil)
		u, err := url.ParseRequestURI(tc.target)
		if err != nil {
			t.Fatal(err)
		}
		r.URL, r.RequestURI = u, tc.target
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != tc.want {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.target, w.Code, tc.want)
		}
	}
}

func TestAppRoutesArePrerendered(t *testing.T) {
	s := newFakeServer(t)
	for _, route := range []string{"/", "/phrases", "/packs", "/settings"} {
		w := get(t, s, "GET", route, nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `class="bottom-nav"`) {
			t.Errorf("%s: %d, nav prerendered: %v", route, w.Code, strings.Contains(w.Body.String(), "bottom-nav"))
		}
		// Nothing the browser would load from elsewhere (og: meta tags are
		// not fetched).
		for _, remote := range []string{`src="http`, `href="http`, `src="//`, `href="//`, "raw.githubusercontent"} {
			if strings.Contains(w.Body.String(), remote) {
				t.Errorf("%s: page refers to another origin (%q)", route, remote)
			}
		}
	}
	m := get(t, s, "GET", "/manifest.webmanifest", nil).Body.String()
	for _, icon := range []string{"/web/icon-192.png", "/web/icon-512.png", "/web/icon-maskable-512.png", "/web/icon.svg", `"purpose":"maskable"`} {
		if !strings.Contains(m, icon) {
			t.Errorf("manifest lacks %s: %s", icon, m)
		}
	}
}

func TestVersionComesFromTheBuild(t *testing.T) {
	a, b := newFakeServer(t), newFakeServer(t)
	if a.version != b.version || len(a.version) != 16 {
		t.Fatalf("same assets, versions %q and %q", a.version, b.version)
	}
	changed := fakeWeb(t)
	changed["app.css"].Data = append(changed["app.css"].Data, []byte("\n/* next */\n")...)
	c, err := newServer(changed, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.version == a.version {
		t.Error("a changed asset kept the version")
	}
	if sw := get(t, a, "GET", "/app-worker.js", nil).Body.String(); !strings.Contains(sw, `const VERSION = "`+a.version+`"`) {
		t.Error("the service worker does not carry the version")
	}
}

func TestPackRepository(t *testing.T) {
	s := newFakeServer(t)
	blob := "/packs/blobs/" + strings.Repeat("ab", 32)
	w := get(t, s, "GET", "/packs/catalog", nil)
	if w.Code != 200 || w.Header().Get("Cache-Control") != "no-cache" || w.Header().Get("ETag") == "" {
		t.Fatalf("catalog: %d %q %q", w.Code, w.Header().Get("Cache-Control"), w.Header().Get("ETag"))
	}
	if w2 := get(t, s, "GET", "/packs/catalog", map[string]string{"If-None-Match": w.Header().Get("ETag")}); w2.Code != http.StatusNotModified {
		t.Errorf("unchanged catalog: %d, want 304", w2.Code)
	}
	w = get(t, s, "GET", blob, map[string]string{"Range": "bytes=4-"})
	if w.Code != http.StatusPartialContent || w.Body.String() != "456789" {
		t.Errorf("resumed blob: %d %q", w.Code, w.Body.String())
	}
	if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("blob Cache-Control %q", cc)
	}
}

func TestMissingWasmIsAClearError(t *testing.T) {
	m := fakeWeb(t)
	delete(m, "app.wasm")
	if _, err := newServer(m, nil); err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("err = %v, want a hint to run make build", err)
	}
}

// The server stops on its own when its context ends (SIGINT/SIGTERM in
// main), letting a request in flight finish.
func TestGracefulShutdown(t *testing.T) {
	s := newFakeServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveUntilDone(ctx, ln, s) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/web/app.css")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop after its context ended")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("still serving after shutdown")
	}
}

func TestServeFlags(t *testing.T) {
	var out bytes.Buffer
	err := Run(context.Background(), []string{"serve", "-packs", t.TempDir()}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "no catalog there") {
		t.Errorf("serve -packs on an empty folder: %v", err)
	}
	if err := Run(context.Background(), []string{"serve", "-nope"}, &out, &out); exitCode(err) != 2 {
		t.Errorf("bad flag: exit %d (%v)", exitCode(err), err)
	}
}

// The service worker registers only once the wasm has been fetched, so its
// precache does not download app.wasm a second time in parallel.
func TestWorkerRegistersAfterTheWasm(t *testing.T) {
	js := get(t, newFakeServer(t), "GET", "/app.js", nil).Body.String()
	call := strings.Index(js, "goappInitServiceWorker();")
	run := strings.Index(js, "go.run(wasm.instance);")
	if call < 0 || run < 0 || call < run {
		t.Fatalf("registration at %d, go.run at %d: want it after", call, run)
	}
	if _, err := deferWorkerRegistration([]byte("something else")); err == nil {
		t.Error("an app.js that does not match must fail the start, not pass silently")
	}
}

// Pack texts travel gzip-compressed; a resumed download gets identity
// bytes so its offsets are the manifest's.
func TestPackBlobsCompressed(t *testing.T) {
	text := strings.Repeat(`{"id":"opening","text":"Hello. We are the police."}`, 100)
	s, err := newServer(fakeWeb(t), fstest.MapFS{"blobs/" + strings.Repeat("cd", 32): &fstest.MapFile{Data: []byte(text)}, "catalog": &fstest.MapFile{Data: []byte("c\n")}})
	if err != nil {
		t.Fatal(err)
	}
	blob := "/packs/blobs/" + strings.Repeat("cd", 32)
	w := get(t, s, "GET", blob, map[string]string{"Accept-Encoding": "gzip, br"})
	if w.Header().Get("Content-Encoding") != "gzip" || w.Body.Len() >= len(text)/5 {
		t.Fatalf("encoding %q, %d bytes for %d", w.Header().Get("Content-Encoding"), w.Body.Len(), len(text))
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(zr); string(got) != text {
		t.Error("gzip body does not decode to the file")
	}
	if w2 := get(t, s, "GET", blob, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": w.Header().Get("ETag")}); w2.Code != http.StatusNotModified {
		t.Errorf("revalidation: %d", w2.Code)
	}
	w = get(t, s, "GET", blob, map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=10-19"})
	if w.Code != http.StatusPartialContent || w.Header().Get("Content-Encoding") != "" || w.Body.String() != text[10:20] {
		t.Errorf("range: %d %q %q", w.Code, w.Header().Get("Content-Encoding"), w.Body.String())
	}
}
