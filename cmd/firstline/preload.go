//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// preloadPath is the trainer's page: side-load bundles (.flpack) of the
// served repository, one per language, to download on a phone and import
// in the app (Packs, Import) with no further network.
const preloadPath = "/preload"

// officerLang is the language of the officer's side of every phrase
// bundle: the phrase sets' source language and the guide read with it.
const officerLang = "en"

// preloadServer serves /preload and its bundles and passes every other
// request on. Bundles are made from the repository on first request with
// pack.WriteBundle and kept until the catalog changes.
type preloadServer struct {
	next  http.Handler
	packs fs.FS

	mu      sync.Mutex
	catalog []byte            // the catalog the cache was made from
	bundles map[string][]byte // file name -> bundle
}

func withPreload(next http.Handler, packs fs.FS) http.Handler {
	if packs == nil {
		return next
	}
	return &preloadServer{next: next, packs: packs}
}

// A preloadBundle is one downloadable bundle of the page.
type preloadBundle struct {
	File  string // name.flpack
	Title string
	Lang  string // BCP 47 tag of the language it is for ("" for all)
	IDs   []string
	Size  int64 // bytes of the packs' files, from the catalog
}

func (p *preloadServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != preloadPath && !strings.HasPrefix(r.URL.Path, preloadPath+"/") {
		p.next.ServeHTTP(w, r)
		return
	}
	for k, v := range securityHeaders {
		w.Header().Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	catData, err := fs.ReadFile(p.packs, pack.CatalogPath)
	if err != nil {
		http.Error(w, "no pack catalog", http.StatusInternalServerError)
		return
	}
	cat, err := catalogUnverified(catData)
	if err != nil {
		http.Error(w, "the pack catalog cannot be read", http.StatusInternalServerError)
		return
	}
	list := preloadBundles(cat)
	if r.URL.Path == preloadPath {
		p.servePage(w, r, cat, list)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, preloadPath+"/")
	i := slices.IndexFunc(list, func(b preloadBundle) bool { return b.File == name })
	if i < 0 {
		http.NotFound(w, r)
		return
	}
	data, err := p.bundle(catData, list[i])
	if err != nil {
		http.Error(w, "making the bundle failed: "+err.Error(), http.StatusInternalServerError)
		return
	}
	sum := sha256.Sum256(data)
	h := w.Header()
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// bundle returns b's bundle, made once per catalog.
func (p *preloadServer) bundle(catData []byte, b preloadBundle) ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !bytes.Equal(p.catalog, catData) {
		p.catalog, p.bundles = catData, map[string][]byte{}
	}
	if data, ok := p.bundles[b.File]; ok {
		return data, nil
	}
	var buf bytes.Buffer
	if err := pack.WriteBundle(&buf, p.packs, b.IDs); err != nil {
		return nil, err
	}
	p.bundles[b.File] = buf.Bytes()
	return buf.Bytes(), nil
}

// catalogUnverified reads the packs a catalog lists, to offer them. The
// server holds no keys: the app verifies every bundle it imports.
func catalogUnverified(signed []byte) (*pack.Catalog, error) {
	text, _, ok := bytes.Cut(signed, []byte("\n"))
	if !ok {
		return nil, fmt.Errorf("catalog: not a signed note")
	}
	var c pack.Catalog
	if err := json.Unmarshal(text, &c); err != nil {
		return nil, fmt.Errorf("catalog: %v", err)
	}
	if c.Format != pack.CatalogFormat {
		return nil, fmt.Errorf("catalog: format %q", c.Format)
	}
	return &c, nil
}

// preloadBundles are the page's bundles: per language of the phrase sets
// its phrases with the officer's (English) phrases and guide; per language
// of the guide, that guide; each regional pack; and everything.
func preloadBundles(cat *pack.Catalog) []preloadBundle {
	byKindLang := map[string]map[string][]pack.CatalogEntry{}
	for _, e := range cat.Packs {
		for _, l := range e.Langs {
			if byKindLang[e.Kind] == nil {
				byKindLang[e.Kind] = map[string][]pack.CatalogEntry{}
			}
			byKindLang[e.Kind][l] = append(byKindLang[e.Kind][l], e)
		}
	}
	newBundle := func(file, title, lang string, groups ...[]pack.CatalogEntry) preloadBundle {
		b := preloadBundle{File: file, Title: title, Lang: lang}
		for _, g := range groups {
			for _, e := range g {
				if !slices.Contains(b.IDs, e.ID) {
					b.IDs = append(b.IDs, e.ID)
					b.Size += e.Size
				}
			}
		}
		return b
	}
	var out []preloadBundle
	for _, l := range sortedKeys(byKindLang["phrases"]) {
		out = append(out, newBundle("phrases-"+strings.ToLower(l)+".flpack", "Phrases: "+langName(l), l,
			byKindLang["phrases"][l], byKindLang["phrases"][officerLang], byKindLang["guide"][officerLang]))
	}
	for _, l := range sortedKeys(byKindLang["guide"]) {
		out = append(out, newBundle("guide-"+strings.ToLower(l)+".flpack", "Field guide: "+langName(l), l, byKindLang["guide"][l]))
	}
	for _, e := range cat.Packs {
		if e.Kind != "phrases" && e.Kind != "guide" {
			out = append(out, newBundle(e.ID+".flpack", e.Title, "", []pack.CatalogEntry{e}))
		}
	}
	if len(cat.Packs) > 0 {
		out = append(out, newBundle("all.flpack", "Everything", "", cat.Packs))
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// langName names a language in English and in itself: "Tigrinya (ትግርኛ)".
func langName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	en, self := display.English.Tags().Name(t), display.Self.Name(t)
	switch {
	case en == "":
		return tag
	case self == "" || self == en:
		return en
	}
	return en + " (" + self + ")"
}

var preloadPage = template.Must(template.New("preload").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Preload content · firstline</title>
<link rel="stylesheet" href="/web/app.css">
</head>
<body>
<main class="preload">
<h1>Preload content</h1>
<p>Download a bundle on this phone, then open firstline, go to <b>Packs</b> and import it.
A bundle is checked on the phone exactly like a download; nothing else is needed.</p>
<p>Catalog {{.Seq}}, issued {{.Issued}}, valid until {{.Expires}}.</p>
<ul class="preload-list">
{{range .Bundles}}<li><a href="/preload/{{.File}}" download="{{.File}}"{{if .Lang}} hreflang="{{.Lang}}"{{end}}>{{.Title}}</a> <small>{{.Packs}} packs, {{.Size}}</small></li>
{{end}}</ul>
</main>
</body>
</html>
`))

func (p *preloadServer) servePage(w http.ResponseWriter, r *http.Request, cat *pack.Catalog, list []preloadBundle) {
	type row struct {
		File, Title, Lang, Size string
		Packs                   int
	}
	data := struct {
		Seq             int64
		Issued, Expires string
		Bundles         []row
	}{Seq: cat.Seq, Issued: cat.Issued.Format("2006-01-02"), Expires: cat.Expires.Format("2006-01-02")}
	for _, b := range list {
		data.Bundles = append(data.Bundles, row{b.File, b.Title, b.Lang, byteSize(b.Size), len(b.IDs)})
	}
	var buf bytes.Buffer
	if err := preloadPage.Execute(&buf, data); err != nil {
		http.Error(w, "rendering the page failed", http.StatusInternalServerError)
		return
	}
	sum := sha256.Sum256(buf.Bytes())
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(buf.Bytes()))
}
