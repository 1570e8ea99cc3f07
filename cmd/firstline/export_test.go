//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
	fl "github.com/firstline/firstline/app"
)

// exportFake exports the server of fakeWeb with a small repository.
func exportFake(t *testing.T) (*server, *site) {
	t.Helper()
	text := strings.Repeat(`{"id":"opening","text":"Hello. We are the police."}`, 40)
	packs := fstest.MapFS{
		"catalog":                           &fstest.MapFile{Data: []byte("signed catalog\n")},
		"blobs/" + strings.Repeat("ab", 32): &fstest.MapFile{Data: []byte(text)},
		"blobs/" + strings.Repeat("cd", 32): &fstest.MapFile{Data: []byte("0123456789")},
		"blobs/not-a-hash":                  &fstest.MapFile{Data: []byte("x")},
		"catalog.tmp":                       &fstest.MapFile{Data: []byte("x")},
	}
	s, err := newServer(fakeWeb(t), packs)
	if err != nil {
		t.Fatal(err)
	}
	st, err := exportSite(s, packs)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// Every exported file is what the server sends for its URL, in the
// encoding its suffix names.
func TestExportIsWhatTheServerSends(t *testing.T) {
	s, st := exportFake(t)
	want := []string{"index.html", "phrases/index.html", "packs/index.html", "settings/index.html",
		"app.js", "app.js.gz", "app.js.br", "wasm_exec.js", "app-worker.js", "manifest.webmanifest", "app.css",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/icon-192.png", "web/app.css.br", "robots.txt",
		"index.html.gz", "index.html.br", "packs/catalog",
		"packs/blobs/" + strings.Repeat("ab", 32), "packs/blobs/" + strings.Repeat("ab", 32) + ".gz",
		"packs/blobs/" + strings.Repeat("cd", 32)}
	for _, n := range want {
		if _, ok := st.files[n]; !ok {
			t.Errorf("export lacks %s", n)
		}
	}
	for _, n := range []string{"packs/blobs/not-a-hash", "packs/catalog.tmp", "web/icon-192.png.gz", "packs/blobs/" + strings.Repeat("cd", 32) + ".gz"} {
		if _, ok := st.files[n]; ok {
			t.Errorf("export has %s", n)
		}
	}
	for name, data := range st.files {
		urlPath, enc := "/"+name, ""
		switch {
		case strings.HasSuffix(name, ".gz"):
			urlPath, enc = strings.TrimSuffix(urlPath, ".gz"), "gzip"
		case strings.HasSuffix(name, ".br"):
			urlPath, enc = strings.TrimSuffix(urlPath, ".br"), "br"
		}
		urlPath = strings.TrimSuffix(urlPath, "index.html")
		if urlPath != "/" {
			urlPath = strings.TrimSuffix(urlPath, "/")
		}
		w := get(t, s, "GET", urlPath, map[string]string{"Accept-Encoding": enc})
		if w.Code != http.StatusOK {
			t.Errorf("%s: server says %d for %s", name, w.Code, urlPath)
			continue
		}
		got := w.Body.Bytes()
		if w.Header().Get("Content-Encoding") != enc {
			// A copy the server does not keep: it must decode to the file.
			got = decode(t, name, enc, data)
			data = w.Body.Bytes()
			if w.Header().Get("Content-Encoding") != "" {
				t.Errorf("%s: the server sends %q", name, w.Header().Get("Content-Encoding"))
			}
		}
		if strings.HasSuffix(urlPath, "/") || path.Ext(urlPath) == "" {
			// go-app writes a tag's attributes in map order: pages differ
			// from one request to the next by that order alone.
			got, data = sortAttrs(got), sortAttrs(data)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s differs from what the server sends for %s (%s)", name, urlPath, enc)
		}
	}
}

var (
	tagRE  = regexp.MustCompile(`<[a-zA-Z][^<>]*>`)
	attrRE = regexp.MustCompile(`[a-zA-Z-]+(="[^"]*")?`)
)

// sortAttrs puts the attributes of every tag in order.
func sortAttrs(html []byte) []byte {
	return tagRE.ReplaceAllFunc(html, func(tag []byte) []byte {
		attrs := attrRE.FindAll(tag, -1)
		slices.SortFunc(attrs[1:], bytes.Compare)
		return bytes.Join(attrs, []byte(" "))
	})
}

func decode(t *testing.T, name, enc string, data []byte) []byte {
	t.Helper()
	var r io.Reader = bytes.NewReader(data)
	if enc == "br" {
		r = brotli.NewReader(r)
	} else {
		zr, err := gzipReader(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b
}

func TestExportWritesAtomically(t *testing.T) {
	_, st := exportFake(t)
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	if err := st.writeTo(dir); err != nil {
		t.Fatal(err)
	}
	for name, data := range st.files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(b, data) {
			t.Errorf("%s: not written as exported (%v)", name, err)
		}
	}
	var n int
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if n != len(st.files) {
		t.Errorf("%d files written, want %d", n, len(st.files))
	}
	// A non-empty folder is refused, and left as it was.
	if err := st.writeTo(dir); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("export over a full folder: %v", err)
	}
	// An empty folder is filled.
	empty := filepath.Join(parent, "empty")
	os.Mkdir(empty, 0o755)
	if err := st.writeTo(empty); err != nil {
		t.Fatalf("export into an empty folder: %v", err)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 2 {
		t.Errorf("left behind in the parent folder: %v", entries)
	}
	// A file that cannot be written leaves nothing at all.
	bad := &site{files: map[string][]byte{"a": []byte("x"), "a/b": []byte("y")}}
	if err := bad.writeTo(filepath.Join(parent, "bad")); err == nil {
		t.Fatal("an impossible export succeeded")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Errorf("a failed export left %v", entries)
	}
}

func TestExportCommand(t *testing.T) {
	newTestServer(t, nil) // skips (or fails under CI) without the wasm build
	dir := filepath.Join(t.TempDir(), "site")
	conf := filepath.Join(t.TempDir(), "firstline.conf")
	var out, errb bytes.Buffer
	if err := Run(context.Background(), []string{"export", "-preload", "-nginx", conf, dir}, &out, &errb); err != nil {
		t.Fatalf("export: %v\n%s", err, errb.String())
	}
	for _, route := range fl.Routes {
		if _, err := os.Stat(filepath.Join(dir, route, "index.html")); err != nil {
			t.Errorf("route %s: %v", route, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "preload", "all.flpack")); err != nil {
		t.Errorf("-preload: %v", err)
	}
	c, err := os.ReadFile(conf)
	if err != nil || !bytes.Contains(c, []byte("root "+dir+";")) || !bytes.Contains(c, []byte("frame-ancestors 'none'")) {
		t.Errorf("nginx config: %v\n%s", err, c)
	}
	if err := Run(context.Background(), []string{"export"}, &out, &errb); exitCode(err) != 2 {
		t.Errorf("export without DIR: %v", err)
	}
	if err := Run(context.Background(), []string{"export", dir}, &out, &errb); err == nil {
		t.Error("export over a full folder succeeded")
	}
}

func gzipReader(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }

func TestExportPreload(t *testing.T) {
	packs, _ := defaultPacks(t)
	s, err := newServer(fakeWeb(t), packs)
	if err != nil {
		t.Fatal(err)
	}
	st, err := exportSite(s, packs)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.addPreload(packs); err != nil {
		t.Fatal(err)
	}
	h := withPreload(s, packs)
	for _, name := range []string{"preload/index.html", "preload/preload.css", "preload/phrases-ti.flpack", "preload/all.flpack"} {
		w := get(t, h, "GET", "/"+strings.TrimSuffix(name, "/index.html"), nil)
		if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), st.files[name]) {
			t.Errorf("%s: not what the server sends (%d)", name, w.Code)
		}
	}
	if _, ok := st.files["preload/index.html.gz"]; !ok {
		t.Error("no gzip copy of the preload page")
	}
}
