//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"github.com/andybalholm/brotli"
	fl "github.com/firstline/firstline/app"
	"github.com/firstline/firstline/phrases/pack"
	"github.com/firstline/firstline/web"
)

const exportUsage = `usage: firstline export [-packs REPO] [-preload] [-nginx FILE] DIR

Writes the whole app as a static site for any static host or CDN: the
prerendered page of every app route (index.html in a folder per route),
the app shell (go-app's scripts, the service worker, the manifest, the
styles, web/ assets, app.wasm), brotli and gzip copies of every text file
and of the wasm, and the pack repository under packs/ (the built-in
default, or REPO made by ` + "`firstline pack build`" + `). Each file is
what ` + "`firstline serve`" + ` sends for its URL, its compressed copies
included; the export adds brotli and gzip copies where the server has none.

With -preload, the trainer's page of serve -lan comes too: preload/
with a side-load bundle (.flpack) per language, for phones to download
from a static host and import with no network afterwards.

DIR must not exist or be empty; the site is written beside it and moved
into place only when complete. With -nginx, FILE gets an nginx server
block for DIR with the headers the server sends (see README).
`

// nginxTemplate is the sample nginx configuration; `export -nginx` fills
// it in, and the nginx end-to-end test serves the export with it.
//
//go:embed testdata/nginx/firstline.conf.tmpl
var nginxTemplate string

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("export", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() { fmt.Fprint(stderr, exportUsage) }
	packsDir := fset.String("packs", "", "export this pack repository instead of the built-in default")
	nginxFile := fset.String("nginx", "", "also write an nginx server block for DIR to this file")
	withBundles := fset.Bool("preload", false, "also export the "+preloadPath+" page and its bundles")
	if err := fset.Parse(args); err != nil {
		return usageError{"export: " + err.Error()}
	}
	if fset.NArg() != 1 {
		fset.Usage()
		return usageError{"export: need DIR"}
	}
	dir := fset.Arg(0)
	packs, err := packsFS(*packsDir)
	if err != nil {
		return fmt.Errorf("export: %v", err)
	}
	s, err := newServer(web.FS, packs)
	if err != nil {
		return fmt.Errorf("export: %v", err)
	}
	site, err := exportSite(s, packs)
	if err != nil {
		return fmt.Errorf("export: %v", err)
	}
	if *withBundles {
		if err := site.addPreload(packs); err != nil {
			return fmt.Errorf("export: %v", err)
		}
	}
	if err := site.writeTo(dir); err != nil {
		return fmt.Errorf("export: %v", err)
	}
	if *nginxFile != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return fmt.Errorf("export: %v", err)
		}
		conf, err := nginxConfig(nginxParams{Root: abs, Listen: "80", WasmSize: site.wasmSize, Brotli: haveBrotliModule()})
		if err != nil {
			return fmt.Errorf("export: %v", err)
		}
		if err := os.WriteFile(*nginxFile, conf, 0o644); err != nil {
			return fmt.Errorf("export: %v", err)
		}
	}
	fmt.Fprintf(stdout, "%s: firstline %s, %d files, %s\n", dir, s.version, len(site.files), byteSize(site.size()))
	return nil
}

// site is a static export held in memory: relative path -> bytes.
type site struct {
	files    map[string][]byte
	wasmSize int
}

func (st *site) size() int64 {
	var n int64
	for _, b := range st.files {
		n += int64(len(b))
	}
	return n
}

// exportSite asks the server for every file it serves, in every encoding
// it has, so the export is exactly what `serve` sends; then adds the
// brotli and gzip copies the server does not keep (pages, small files).
func exportSite(s *server, packs fs.FS) (*site, error) {
	st := &site{files: map[string][]byte{}}
	fetch := func(urlPath, acceptEncoding string) (*httptest.ResponseRecorder, error) {
		r := httptest.NewRequest(http.MethodGet, urlPath, nil)
		if acceptEncoding != "" {
			r.Header.Set("Accept-Encoding", acceptEncoding)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			return nil, fmt.Errorf("%s: the server answered %d", urlPath, w.Code)
		}
		return w, nil
	}
	// add writes urlPath as name, with the server's compressed copies
	// (identical bytes) and, for text, copies made here where it has none.
	add := func(urlPath, name string) error {
		w, err := fetch(urlPath, "")
		if err != nil {
			return err
		}
		raw := w.Body.Bytes()
		st.files[name] = raw
		text := compressible(w.Header().Get("Content-Type"))
		for _, enc := range []struct{ accept, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			w, err := fetch(urlPath, enc.accept)
			if err != nil {
				return err
			}
			switch {
			case w.Header().Get("Content-Encoding") == enc.accept:
				st.files[name+enc.ext] = w.Body.Bytes()
			case text && len(raw) >= 256:
				if b := compress(enc.accept, raw); len(b) < len(raw) {
					st.files[name+enc.ext] = b
				}
			}
		}
		return nil
	}

	for _, route := range fl.Routes {
		name := path.Join(strings.TrimPrefix(route, "/"), "index.html")
		if err := add(route, name); err != nil {
			return nil, err
		}
	}
	names := make([]string, 0, len(s.assets))
	for n := range s.assets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := add(n, strings.TrimPrefix(n, "/")); err != nil {
			return nil, err
		}
	}
	wasm, ok := st.files["web/app.wasm"]
	if !ok {
		return nil, errors.New("no web/app.wasm in the server's assets")
	}
	st.wasmSize = len(wasm)

	if packs != nil {
		err := fs.WalkDir(packs, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if p != pack.CatalogPath && !(strings.HasPrefix(p, "blobs/") && validHex(strings.TrimPrefix(p, "blobs/"))) {
				return nil // not served by the server either
			}
			return add(PacksPrefix+p, path.Join("packs", p))
		})
		if err != nil {
			return nil, fmt.Errorf("pack repository: %w", err)
		}
	}
	return st, nil
}

// addPreload adds the preload page, its stylesheet and every bundle it
// lists, as the server makes them.
func (st *site) addPreload(packs fs.FS) error {
	h := withPreload(http.NotFoundHandler(), packs)
	catData, err := fs.ReadFile(packs, pack.CatalogPath)
	if err != nil {
		return err
	}
	cat, err := catalogUnverified(catData)
	if err != nil {
		return err
	}
	urls := map[string]string{preloadPath: "preload/index.html", preloadPath + "/preload.css": "preload/preload.css"}
	for _, b := range preloadBundles(cat) {
		urls[preloadPath+"/"+b.File] = "preload/" + b.File
	}
	for u, name := range urls {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, u, nil))
		if w.Code != http.StatusOK {
			return fmt.Errorf("%s: %d %s", u, w.Code, strings.TrimSpace(w.Body.String()))
		}
		st.files[name] = w.Body.Bytes()
		if !strings.HasSuffix(name, ".flpack") {
			for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
				st.files[name+enc.ext] = compress(enc.name, w.Body.Bytes())
			}
		}
	}
	return nil
}

func compress(enc string, data []byte) []byte {
	var b bytes.Buffer
	switch enc {
	case "br":
		w := brotli.NewWriterLevel(&b, brotli.BestCompression)
		w.Write(data)
		w.Close()
	default:
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		w.Write(data)
		w.Close()
	}
	return b.Bytes()
}

// writeTo writes the site to dir, which must not exist or be empty: into
// a fresh folder beside it first, renamed into place once complete, so
// dir never holds half an export.
func (st *site) writeTo(dir string) (err error) {
	dir = filepath.Clean(dir)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: export into a new or empty folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(st.files))
	for n := range st.files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		full := filepath.Join(tmp, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, st.files[n], 0o644); err != nil {
			return err
		}
	}
	// An empty dir is replaced by the rename (Linux allows renaming a
	// folder over an empty one; elsewhere remove it first).
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Rename(tmp, dir)
}

// nginxParams fill in the sample nginx configuration.
type nginxParams struct {
	Root     string // absolute path of the export
	Listen   string // nginx listen value: "80", "127.0.0.1:8080"
	WasmSize int    // app.wasm's raw size, for go-app's loading progress
	Brotli   bool   // nginx has the brotli_static module
}

// brotliModule is where Debian's libnginx-mod-http-brotli-static puts it.
const brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

func haveBrotliModule() bool {
	_, err := os.Stat(brotliModule)
	return err == nil
}

func nginxConfig(p nginxParams) ([]byte, error) {
	t, err := template.New("nginx").Parse(nginxTemplate)
	if err != nil {
		return nil, err
	}
	type header struct{ Name, Value string }
	var hs []header
	for k, v := range securityHeaders {
		hs = append(hs, header{k, v})
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i].Name < hs[j].Name })
	var b bytes.Buffer
	err = t.Execute(&b, struct {
		nginxParams
		SecurityHeaders []header
		RawSizeHeader   string
	}{p, hs, rawSizeHeader})
	return b.Bytes(), err
}
