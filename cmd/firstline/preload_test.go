//go:build !wasm

package main

import (
	"bytes"
	"io/fs"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"github.com/firstline/firstline/web"
)

func TestPreloadBundles(t *testing.T) {
	e := func(id, kind string, size int64, langs ...string) pack.CatalogEntry {
		return pack.CatalogEntry{ID: id, Kind: kind, Title: id, Langs: langs, Size: size}
	}
	cat := &pack.Catalog{Packs: []pack.CatalogEntry{
		e("guide-ar", "guide", 10, "ar"), e("guide-en", "guide", 20, "en"),
		e("phrases-first-contact-en", "phrases", 3, "en"), e("phrases-first-contact-ti", "phrases", 4, "ti"),
		e("phrases-children-ti", "phrases", 5, "ti"), e("phrases-first-contact-fa-af", "phrases", 6, "fa-AF"),
		e("region-sample", "region", 7, "en"),
	}}
	got := map[string]string{}
	var sizes []int64
	for _, b := range preloadBundles(cat) {
		got[b.File] = strings.Join(b.IDs, " ")
		sizes = append(sizes, b.Size)
	}
	want := map[string]string{
		"phrases-en.flpack":    "phrases-first-contact-en guide-en",
		"phrases-fa-af.flpack": "phrases-first-contact-fa-af phrases-first-contact-en guide-en",
		"phrases-ti.flpack":    "phrases-first-contact-ti phrases-children-ti phrases-first-contact-en guide-en",
		"guide-ar.flpack":      "guide-ar",
		"guide-en.flpack":      "guide-en",
		"region-sample.flpack": "region-sample",
		"all.flpack":           "guide-ar guide-en phrases-first-contact-en phrases-first-contact-ti phrases-children-ti phrases-first-contact-fa-af region-sample",
	}
	for f, ids := range want {
		if got[f] != ids {
			t.Errorf("%s: %q, want %q", f, got[f], ids)
		}
	}
	if len(got) != len(want) {
		t.Errorf("bundles %v", got)
	}
	if !slices.Contains(sizes, 32) { // phrases-ti: 4+5+3+20
		t.Errorf("sizes %v", sizes)
	}
	for tag, want := range map[string][2]string{"ti": {"Tigrinya", "ትግርኛ"}, "en": {"English", ""}, "fa-AF": {"Dari", "دری"}, "x-bad-": {"x-bad-", ""}} {
		if en, native := langNames(tag); en != want[0] || native != want[1] {
			t.Errorf("langNames(%s) = %q, %q; want %q", tag, en, native, want)
		}
	}
}

// defaultPacks is the built-in repository and the key that signed it, or
// a skip (a failure under CI) before `make build`.
func defaultPacks(t *testing.T) (fs.FS, pack.Keys) {
	t.Helper()
	packs, err := fs.Sub(web.FS, "packs")
	if err == nil {
		_, err = fs.Stat(packs, pack.CatalogPath)
	}
	var keys pack.Keys
	if err == nil {
		var pub []byte
		if pub, err = os.ReadFile("../../bin/keys/firstline-dev.pub"); err == nil {
			keys, err = pack.ParseKeys(string(pub))
		}
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no default pack repository: %v (make test builds it)", err)
		}
		t.Skipf("no default pack repository: %v (run make build)", err)
	}
	return packs, keys
}

// The preload page is plain HTML with no script, lists a bundle per
// language, and every bundle verifies like a download.
func TestPreloadPage(t *testing.T) {
	packs, keys := defaultPacks(t)
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	h := withPreload(next, packs)

	if w := get(t, h, "GET", "/settings", nil); w.Code != http.StatusTeapot {
		t.Errorf("other paths are not passed on: %d", w.Code)
	}
	w := get(t, h, "GET", preloadPath, nil)
	page := w.Body.String()
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("page: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	for k, v := range securityHeaders {
		if w.Header().Get(k) != v {
			t.Errorf("page header %s = %q", k, w.Header().Get(k))
		}
	}
	if strings.Contains(page, "<script") || regexp.MustCompile(`\son[a-z]+=`).MatchString(page) || strings.Contains(page, "style=") {
		t.Error("the page has a script, an event handler or an inline style: the CSP forbids them")
	}
	for _, f := range []string{"phrases-ti.flpack", "phrases-ar.flpack", "guide-ar.flpack", "guide-en.flpack", "all.flpack"} {
		if !strings.Contains(page, `href="/preload/`+f+`"`) {
			t.Errorf("page lacks %s", f)
		}
	}
	if w := get(t, h, "GET", preloadPath, map[string]string{"If-None-Match": w.Header().Get("ETag")}); w.Code != http.StatusNotModified {
		t.Errorf("page revalidation: %d", w.Code)
	}
	if !strings.Contains(page, `<bdi lang="ar">العربية</bdi>`) {
		t.Error("a language's own name is not isolated for right-to-left text")
	}
	if w := get(t, h, "GET", preloadPath+"/preload.css", nil); w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/css") {
		t.Errorf("stylesheet: %d %q", w.Code, w.Header().Get("Content-Type"))
	}

	w = get(t, h, "GET", preloadPath+"/phrases-ti.flpack", nil)
	if w.Code != http.StatusOK || !strings.Contains(w.Header().Get("Content-Disposition"), `filename="phrases-ti.flpack"`) {
		t.Fatalf("bundle: %d %v", w.Code, w.Header())
	}
	data := w.Body.Bytes()
	b, err := pack.ReadBundle(bytes.NewReader(data), int64(len(data)), keys, nil, time.Now())
	if err != nil {
		t.Fatalf("the bundle does not verify: %v", err)
	}
	var ids []string
	for _, e := range b.Packs() {
		ids = append(ids, e.ID)
	}
	for _, id := range []string{"phrases-first-contact-ti", "phrases-first-contact-en", "guide-en"} {
		if !slices.Contains(ids, id) {
			t.Errorf("phrases-ti.flpack lacks %s: %v", id, ids)
		}
	}
	w2 := get(t, h, "GET", preloadPath+"/phrases-ti.flpack", map[string]string{"Range": "bytes=0-7"})
	if w2.Code != http.StatusPartialContent || w2.Body.String() != pack.BundleMagic {
		t.Errorf("range: %d %q", w2.Code, w2.Body.String())
	}
	for _, bad := range []string{"/preload/nope.flpack", "/preload/../packs/catalog", "/preload/"} {
		if w := get(t, h, "GET", bad, nil); w.Code != http.StatusNotFound {
			t.Errorf("%s: %d", bad, w.Code)
		}
	}
	if w := get(t, h, "POST", preloadPath, nil); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", w.Code)
	}
}
