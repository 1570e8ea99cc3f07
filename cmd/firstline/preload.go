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
	File   string // name.flpack
	Title  string
	Native string // the language's name in itself, when it differs
	Lang   string // BCP 47 tag of the language it is for ("" for all)
	IDs    []string
	Size   int64 // bytes of the packs' files, from the catalog
}

func (p *preloadServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != preloadPath && !strings.HasPrefix(r.URL.Path, preloadPath+"/") {
		p.next.ServeHTTP(w, r)
		return
	}
	if !secureReadOnly(w, r) {
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
	if r.URL.Path == preloadPath+"/preload.css" {
		serveBytes(w, r, []byte(preloadCSS), "text/css; charset=utf-8")
		return
	}
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
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	serveBytes(w, r, data, "application/octet-stream")
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
		if lang != "" {
			b.Title, b.Native = langNames(lang)
		}
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
		out = append(out, newBundle("phrases-"+strings.ToLower(l)+".flpack", "", l,
			byKindLang["phrases"][l], byKindLang["phrases"][officerLang], byKindLang["guide"][officerLang]))
	}
	for _, l := range sortedKeys(byKindLang["guide"]) {
		out = append(out, newBundle("guide-"+strings.ToLower(l)+".flpack", "", l, byKindLang["guide"][l]))
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

// langNames names a language in English and in itself ("Tigrinya",
// "ትግርኛ"); the second is empty when it is the same.
func langNames(tag string) (english, native string) {
	t, err := language.Parse(tag)
	if err != nil {
		return tag, ""
	}
	english, native = display.English.Tags().Name(t), display.Self.Name(t)
	if english == "" {
		english = tag
	}
	if native == english {
		native = ""
	}
	return english, native
}

// preloadCSS styles the page; served as a file, as the CSP requires.
const preloadCSS = `:root { color-scheme: light dark; --fg: #1b1d21; --bg: #f6f7f9; --card: #fff; --muted: #5a6270; --link: #0b5cab; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8eaee; --bg: #111317; --card: #1c1f25; --muted: #a3abb8; --link: #8cc4ff; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .25rem; }
ol { padding-inline-start: 1.25rem; }
ul { list-style: none; padding: 0; margin: 0; }
li.bundle { background: var(--card); border-radius: .5rem; margin: .4rem 0; }
li.bundle a { display: flex; justify-content: space-between; gap: 1rem; padding: .75rem 1rem; color: var(--link); text-decoration: none; min-height: 1.5rem; }
li.bundle small, .muted { color: var(--muted); }
li.bundle small { white-space: nowrap; }
`

var preloadPage = template.Must(template.New("preload").Parse(`<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>Preload content · firstline</title>
<link rel="stylesheet" href="/preload/preload.css">
</head>
<body>
<main>
<h1>Preload content for firstline</h1>
<ol>
<li>Install firstline on this phone from its home address first (https), and open it once.</li>
<li>Download the bundles this phone needs below.</li>
<li>In firstline, open <b>Packs</b>, then <b>Import a pack file</b>, and choose the downloaded .flpack file.</li>
</ol>
<p class="muted">The phone checks every bundle exactly like a download: a damaged or unsigned bundle is refused and nothing changes.
Catalog {{.Seq}}, issued {{.Issued}}, valid until {{.Expires}}.</p>
{{range .Groups}}<h2>{{.Heading}}</h2>
<ul>
{{range .Bundles}}<li class="bundle"><a href="/preload/{{.File}}" download="{{.File}}"{{if .Lang}} hreflang="{{.Lang}}"{{end}}><span>{{.Title}}{{if .Native}} <bdi lang="{{.Lang}}">{{.Native}}</bdi>{{end}}</span> <small>{{.Packs}} packs · {{.Size}}</small></a></li>
{{end}}</ul>
{{end}}</main>
</body>
</html>
`))

func (p *preloadServer) servePage(w http.ResponseWriter, r *http.Request, cat *pack.Catalog, list []preloadBundle) {
	type row struct {
		File, Title, Native, Lang, Size string
		Packs                           int
	}
	type group struct {
		Heading string
		Bundles []row
	}
	groups := []group{
		{Heading: "Phrases, by the person's language (each with the English phrases and field guide)"},
		{Heading: "Field guide, by the officer's language"},
		{Heading: "Regional contacts and everything"},
	}
	for _, b := range list {
		g := 2
		switch {
		case strings.HasPrefix(b.File, "phrases-"):
			g = 0
		case strings.HasPrefix(b.File, "guide-"):
			g = 1
		}
		groups[g].Bundles = append(groups[g].Bundles, row{b.File, b.Title, b.Native, b.Lang, byteSize(b.Size), len(b.IDs)})
	}
	for i := range groups {
		slices.SortStableFunc(groups[i].Bundles, func(a, b row) int { return strings.Compare(a.Title, b.Title) })
	}
	data := struct {
		Seq             int64
		Issued, Expires string
		Groups          []group
	}{Seq: cat.Seq, Issued: cat.Issued.Format("2006-01-02"), Expires: cat.Expires.Format("2006-01-02"), Groups: groups}
	var buf bytes.Buffer
	if err := preloadPage.Execute(&buf, data); err != nil {
		http.Error(w, "rendering the page failed", http.StatusInternalServerError)
		return
	}
	serveBytes(w, r, buf.Bytes(), "text/html; charset=utf-8")
}

// serveBytes answers with data, revalidated by a strong ETag.
func serveBytes(w http.ResponseWriter, r *http.Request, data []byte, ctype string) {
	sum := sha256.Sum256(data)
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}
