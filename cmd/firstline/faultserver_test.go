//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"github.com/firstline/firstline/web"
	"golang.org/x/mod/sumdb/note"
)

// testRepo is a pack repository in memory: a catalog, its manifests and
// every blob, as a build would write them.
type testRepo struct {
	files     fstest.MapFS
	cat       *pack.Catalog
	manifests map[string]*pack.Manifest
}

// devSigner is the key the default packs are signed with, which the app
// under test trusts (the Makefile compiles bin/keys/*.pub into the wasm).
func devSigner(t testing.TB) (note.Signer, pack.Keys) {
	t.Helper()
	skey, err := os.ReadFile("../../bin/keys/firstline-dev.key")
	if err != nil {
		t.Fatalf("%v (make build makes it)", err)
	}
	s, vkey, err := pack.ParseSignerKey(string(skey))
	if err != nil {
		t.Fatal(err)
	}
	keys, err := pack.ParseKeys(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return s, keys
}

// defaultRepo is the built-in default repository (web/packs).
func defaultRepo(t testing.TB) *testRepo {
	t.Helper()
	_, keys := devSigner(t)
	sub, err := fs.Sub(web.FS, "packs")
	if err != nil {
		t.Fatal(err)
	}
	r, err := pack.OpenRepo(sub, keys, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		files[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return &testRepo{files: files, cat: r.Catalog, manifests: r.Manifests}
}

// next builds the following version of the repository, signed by s, with
// change applied to the packs' contents. The old blobs stay.
func (r *testRepo) next(t testing.TB, s note.Signer, change func(map[string]*pack.Content)) *testRepo {
	t.Helper()
	byID := map[string]*pack.Content{}
	var contents []pack.Content
	for _, e := range r.cat.Packs {
		m := r.manifests[e.ID]
		c := pack.Content{ID: m.ID, Kind: m.Kind, Title: m.Title, Langs: m.Langs}
		for _, f := range m.Files {
			c.Files = append(c.Files, pack.File{Name: f.Name, Type: f.Type, Data: r.files[pack.BlobPath(f.SHA256)].Data})
		}
		contents = append(contents, c)
	}
	for i := range contents {
		byID[contents[i].ID] = &contents[i]
	}
	change(byID)
	b, err := pack.Build(contents, &pack.Repo{Catalog: r.cat, Manifests: r.manifests}, []note.Signer{s}, time.Now(), 30*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	for k, v := range r.files {
		files[k] = v
	}
	files[pack.CatalogPath] = &fstest.MapFile{Data: b.Catalog.Signed()}
	for h, data := range b.Blobs {
		files[pack.BlobPath(h)] = &fstest.MapFile{Data: data}
	}
	n := &testRepo{files: files, cat: b.Catalog, manifests: map[string]*pack.Manifest{}}
	for _, e := range b.Catalog.Packs {
		m, err := pack.OpenManifest(b.Blobs[e.Manifest], keysOf(t, s), e)
		if err != nil {
			t.Fatal(err)
		}
		n.manifests[e.ID] = m
	}
	return n
}

func keysOf(t testing.TB, s note.Signer) pack.Keys {
	t.Helper()
	ds, keys := devSigner(t)
	if s.KeyHash() == ds.KeyHash() && s.Name() == ds.Name() {
		return keys
	}
	return strangerKeys
}

// changeEnglishPhrases gives phrases-first-contact-en a new text.
func changeEnglishPhrases(c map[string]*pack.Content) {
	p := c["phrases-first-contact-en"]
	p.Files[0].Data = bytes.Replace(p.Files[0].Data, []byte(`"title": "First contact"`), []byte(`"title": "First contact, second edition"`), 1)
}

// blobPath is the repository path of a pack's file (or, with name
// "manifest", of its manifest).
func (r *testRepo) blobPath(id, name string) string {
	e, _ := r.cat.Entry(id)
	if name == "manifest" {
		return PacksPrefix + pack.BlobPath(e.Manifest)
	}
	f, _ := r.manifests[id].File(name)
	return PacksPrefix + pack.BlobPath(f.SHA256)
}

// resign edits a catalog's JSON and signs it again with s.
func resign(t testing.TB, s note.Signer, signed []byte, edit func(map[string]any)) []byte {
	t.Helper()
	text := signed[:bytes.IndexByte(signed, '\n')]
	var c map[string]any
	if err := json.Unmarshal(text, &c); err != nil {
		t.Fatal(err)
	}
	edit(c)
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := note.Sign(&note.Note{Text: string(b) + "\n"}, s)
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

var strangerKeys pack.Keys

// stranger is a key the app does not trust.
func stranger(t testing.TB) note.Signer {
	t.Helper()
	skey, vkey, err := note.GenerateKey(bytes.NewReader(bytes.Repeat([]byte{9}, 64)), "stranger")
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	strangerKeys, _ = pack.ParseKeys(vkey)
	return s
}

// faultServer is the app's server with a pack repository that can
// misbehave on purpose: fault sees every /packs/ request first and may
// answer it itself. It logs the pack requests and counts their bytes.
type faultServer struct {
	base http.Handler

	mu    sync.Mutex
	repo  *testRepo
	packs http.Handler
	fault func(w http.ResponseWriter, r *http.Request) bool
	log   []string
	bytes int64
}

func newFaultServer(t testing.TB, repo *testRepo) *faultServer {
	f := &faultServer{base: newTestServer(t, nil)}
	f.serve(repo, nil)
	return f
}

// serve switches to repo, with fault (nil: none).
func (f *faultServer) serve(repo *testRepo, fault func(w http.ResponseWriter, r *http.Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.repo, f.packs, f.fault = repo, newPackRepo(repo.files), fault
}

func (f *faultServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, PacksPrefix) {
		f.base.ServeHTTP(w, r)
		return
	}
	f.mu.Lock()
	f.log = append(f.log, strings.TrimSpace(r.URL.Path+" "+r.Header.Get("Range")))
	packs, fault := f.packs, f.fault
	f.mu.Unlock()
	for k, v := range securityHeaders {
		w.Header().Set(k, v)
	}
	if fault != nil && fault(w, r) {
		return
	}
	packs.ServeHTTP(w, r)
}

// requests returns the pack requests since the last call.
func (f *faultServer) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.log
	f.log = nil
	return out
}

// serveBlobBytes answers with data as a blob would be answered.
func serveBlobBytes(w http.ResponseWriter, data []byte) {
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// cutOff sends the headers of a whole blob and only its first n bytes,
// then breaks the connection.
func cutOff(w http.ResponseWriter, data []byte, n int) {
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	w.Write(data[:n])
	if fl, ok := w.(http.Flusher); ok {
		fl.Flush()
	}
	panic(http.ErrAbortHandler)
}
