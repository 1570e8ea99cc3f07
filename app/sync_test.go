//go:build !(js && wasm)

package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/mod/sumdb/note"
)

// syncT0 is the test repositories' build time.
var syncT0 = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

func syncSigner(t testing.TB, name string, seed byte) (note.Signer, string) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(bytes.NewReader(bytes.Repeat([]byte{seed}, 64)), name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	return s, vkey
}

func syncGolden(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../phrases/testdata/golden/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// syncContents are four packs from the golden payloads: the guide and the
// default phrase set in English and French.
func syncContents(t testing.TB) []pack.Content {
	c := func(id, kind, title, lang, file string, extra ...pack.File) pack.Content {
		files := append([]pack.File{{Name: "pack.json", Type: "application/json", Data: syncGolden(t, file)}}, extra...)
		return pack.Content{ID: id, Kind: kind, Title: title, Langs: []string{lang}, Files: files}
	}
	return []pack.Content{
		c("guide-en", "guide", "Field guide (sample)", "en", "guide-en.pack.json"),
		c("guide-fr", "guide", "Guide de terrain (exemple)", "fr", "guide-fr.pack.json"),
		c("phrases-first-contact-en", "phrases", "Sample: first contact", "en", "phrases-sample-en.pack.json",
			pack.File{Name: "audio/opening.wav", Type: "audio/wav", Data: []byte("RIFF....WAVEfmt audio bytes")}),
		c("phrases-first-contact-fr", "phrases", "Exemple : premier contact", "fr", "phrases-sample-fr.pack.json"),
	}
}

// fakeRepo is a pack server in memory: the current build, what each
// request asked for, and faults a test sets.
type fakeRepo struct {
	mu    sync.Mutex
	files map[string][]byte // path under /packs/ -> bytes
	reqs  []string
	bytes int64
	fault func(path string, hdr map[string]string, body []byte) (int, []byte, error)
}

func newFakeRepo() *fakeRepo { return &fakeRepo{files: map[string][]byte{}} }

// publish lays a build out, adding to the blobs already there.
func (r *fakeRepo) publish(b *pack.Built) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.files[pack.CatalogPath] = b.Catalog.Signed()
	for h, data := range b.Blobs {
		r.files[pack.BlobPath(h)] = data
	}
}

func (r *fakeRepo) fetch(ctx context.Context, url string, hdr map[string]string) (*fetchResponse, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	path := strings.TrimPrefix(url, packsURL)
	r.reqs = append(r.reqs, strings.TrimSpace(path+" "+hdr["Range"]))
	body, ok := r.files[path]
	status := 200
	if !ok {
		status, body = 404, []byte("not found")
	}
	etag := `"` + pack.Hash(body)[:16] + `"`
	if ok && hdr["If-None-Match"] == etag {
		status, body = 304, nil
	}
	if rg := hdr["Range"]; ok && rg != "" {
		from, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(rg, "bytes="), "-"))
		body = body[from:]
		status = 206
	}
	resp := &fetchResponse{Status: status, Header: map[string]string{"etag": etag}}
	if status == 206 {
		resp.Header["content-range"] = fmt.Sprintf("bytes %d-%d/%d", len(r.files[path])-len(body), len(r.files[path])-1, len(r.files[path]))
	}
	var cut error
	if r.fault != nil {
		var err error
		resp.Status, body, cut = r.fault(path, hdr, body)
		if resp.Status == 0 {
			return nil, err
		}
	}
	r.bytes += int64(len(body))
	resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{cut}))
	return resp, nil
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	return 0, io.EOF
}

func (r *fakeRepo) requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.reqs
	r.reqs = nil
	return out
}

// phone is a phone in a test: its platform and packs service.
type phone struct {
	t    *testing.T
	b    *memPlatform
	keys pack.Keys
	s    *syncer
}

func newPhone(t *testing.T, repo *fakeRepo, vkey string) *phone {
	t.Helper()
	keys, err := pack.ParseKeys(vkey)
	if err != nil {
		t.Fatal(err)
	}
	b := newMem("en")
	b.fetch = repo.fetch
	d := &phone{t: t, b: b, keys: keys}
	d.reopen()
	return d
}

// reopen starts the app again on the same storage.
func (d *phone) reopen() {
	st := openStore(d.b, d.keys)
	st.now = func() time.Time { return syncT0.Add(time.Hour) }
	d.s = &syncer{st: st, b: d.b, lang: func() string { return "fr" }}
}

func (d *phone) sync(req syncRequest) error {
	_, err := d.s.run(context.Background(), req)
	return err
}

func (d *phone) versions() string {
	var out []string
	for _, p := range d.s.st.packList() {
		out = append(out, fmt.Sprintf("%s@%d", p.ID, p.Version))
	}
	return strings.Join(out, " ")
}

// checkUsable fails unless every installed pack is loaded and the
// library shows the French and English content.
func (d *phone) checkUsable() {
	d.t.Helper()
	st := d.s.st
	if len(st.broken) > 0 {
		d.t.Errorf("broken packs: %v", st.broken)
	}
	if st.Guide("fr") == nil || st.Guide("en") == nil || st.Phrases("sample", "fr") == nil || st.Phrases("sample", "en") == nil {
		d.t.Errorf("library incomplete: %s", d.versions())
	}
	if st.AudioURL("sample", "en", "audio/opening.wav") == "" {
		d.t.Error("no audio URL")
	}
}

const allFour = "guide-en@1 guide-fr@1 phrases-first-contact-en@1 phrases-first-contact-fr@1"

func setupSync(t *testing.T) (*fakeRepo, *phone, note.Signer, *pack.Built) {
	signer, vkey := syncSigner(t, "test", 1)
	built, err := pack.Build(syncContents(t), nil, []note.Signer{signer}, syncT0, 30*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	repo := newFakeRepo()
	repo.publish(built)
	d := newPhone(t, repo, vkey)
	if err := d.sync(syncRequest{}); err != nil {
		t.Fatalf("first sync: %v", err)
	}
	if got := d.versions(); got != allFour {
		t.Fatalf("first sync installed %q, want %q", got, allFour)
	}
	d.checkUsable()
	repo.requests()
	return repo, d, signer, built
}

// A first visit installs the UI language's and English's defaults; a sync
// with nothing new is one conditional request; a restart loads it all
// from storage.
func TestFirstSyncAndNoChange(t *testing.T) {
	repo, d, _, _ := setupSync(t)
	if !d.b.persisted {
		t.Error("storage.persist() not asked after installing")
	}
	if err := d.sync(syncRequest{}); err != nil {
		t.Fatal(err)
	}
	if got := repo.requests(); len(got) != 1 || got[0] != pack.CatalogPath {
		t.Errorf("no-change sync made requests %v, want the catalog only", got)
	}
	d.reopen()
	d.checkUsable()
	if err := d.sync(syncRequest{}); err != nil {
		t.Fatal(err)
	}
	if got := repo.requests(); len(got) != 1 {
		t.Errorf("after a restart, no-change sync made requests %v", got)
	}
}

// rebuild publishes a build with the French phrase pack changed.
func rebuild(t *testing.T, repo *fakeRepo, signer note.Signer, prev *pack.Built, change func([]pack.Content)) *pack.Built {
	t.Helper()
	contents := syncContents(t)
	change(contents)
	r := &pack.Repo{Catalog: prev.Catalog, Manifests: map[string]*pack.Manifest{}}
	for _, e := range prev.Catalog.Packs {
		m, err := pack.OpenManifest(prev.Blobs[e.Manifest], keysFor(t, signer), e)
		if err != nil {
			t.Fatal(err)
		}
		r.Manifests[e.ID] = m
	}
	next, err := pack.Build(contents, r, []note.Signer{signer}, syncT0.Add(time.Minute), 30*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	repo.publish(next)
	return next
}

func keysFor(t *testing.T, s note.Signer) pack.Keys {
	t.Helper()
	_, vkey := syncSigner(t, s.Name(), 1)
	k, err := pack.ParseKeys(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func changeFrench(c []pack.Content) {
	c[3].Files[0].Data = bytes.Replace(c[3].Files[0].Data, []byte(`"Exemple`), []byte(`"Nouvel exemple`), 1)
}

// An update of one pack fetches the catalog, that pack's manifest and its
// changed file, nothing else; the old blob is cleaned up.
func TestUpdateFetchesOnlyTheChangedPack(t *testing.T) {
	repo, d, signer, built := setupSync(t)
	next := rebuild(t, repo, signer, built, changeFrench)
	if err := d.sync(syncRequest{}); err != nil {
		t.Fatal(err)
	}
	if got := repo.requests(); len(got) != 3 {
		t.Errorf("update made %d requests %v, want 3 (catalog, manifest, file)", len(got), got)
	}
	if got := d.versions(); !strings.Contains(got, "phrases-first-contact-fr@2") || !strings.Contains(got, "guide-fr@1") {
		t.Errorf("after update: %s", got)
	}
	if got := d.s.st.Phrases("sample", "fr").Title; !strings.HasPrefix(got, "Nouvel") {
		t.Errorf("new French title not in the library: %q", got)
	}
	keys, _ := d.b.CacheKeys()
	if want := len(next.Blobs) - len(next.Catalog.Packs); len(keys) != want {
		t.Errorf("%d blobs cached after cleanup, want %d", len(keys), want)
	}
}

// Every fault of a misbehaving server: the sync fails with the plain
// message, nothing is installed partly, and the content before is intact.
func TestFaultsLoseNothing(t *testing.T) {
	other, _ := syncSigner(t, "stranger", 7)
	for _, tc := range []struct {
		name  string
		fault func(t *testing.T, repo *fakeRepo, signer note.Signer, built *pack.Built)
		want  string
	}{
		{"flipped byte in a blob", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			next := rebuild(t, repo, s, b, changeFrench)
			e, _ := next.Catalog.Entry("phrases-first-contact-fr")
			m, _ := pack.OpenManifest(next.Blobs[e.Manifest], keysFor(t, s), e)
			blob := append([]byte(nil), next.Blobs[m.Files[0].SHA256]...)
			blob[len(blob)/2] ^= 1
			repo.files[pack.BlobPath(m.Files[0].SHA256)] = blob
		}, "sync.err.tampered"},
		{"bad catalog signature", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			next := rebuild(t, repo, s, b, changeFrench)
			cat := append([]byte(nil), next.Catalog.Signed()...)
			cat[len(cat)-5] ^= 1
			repo.files[pack.CatalogPath] = cat
		}, "sync.err.signature"},
		{"unknown key", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			stranger, err := pack.Build(syncContents(t), nil, []note.Signer{other}, syncT0, 30*24*time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			repo.publish(stranger)
		}, "sync.err.unknownkey"},
		{"older catalog replayed", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			next := rebuild(t, repo, s, b, changeFrench)
			repo.files["preinstall"] = next.Catalog.Signed()
			repo.files[pack.CatalogPath] = b.Catalog.Signed()
		}, "sync.err.replay"},
		{"malformed signed catalog", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			repo.files[pack.CatalogPath] = resign(t, s, b.Catalog.Signed(), func(c map[string]any) {
				c["seq"] = 5
				c["packs"].([]any)[3].(map[string]any)["version"] = 0.5
			})
		}, "sync.err.format"},
		{"version going down, signed", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			// A pack at version 2 on the device, then a catalog offering 1.
			next := rebuild(t, repo, s, b, changeFrench)
			repo.files[pack.CatalogPath] = next.Catalog.Signed()
			repo.fault = nil
			repo.files[pack.CatalogPath] = resign(t, s, next.Catalog.Signed(), func(c map[string]any) {
				c["seq"] = 9
				p := c["packs"].([]any)[3].(map[string]any)
				p["version"] = 1
				old, _ := b.Catalog.Entry("phrases-first-contact-fr")
				p["manifest"] = old.Manifest
				p["manifest_size"] = old.ManifestSize
				p["size"] = old.Size
			})
			repo.files["preinstall"] = next.Catalog.Signed()
		}, "sync.err.version"},
		{"500", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			rebuild(t, repo, s, b, changeFrench)
			repo.fault = func(path string, _ map[string]string, body []byte) (int, []byte, error) {
				if strings.HasPrefix(path, "blobs/") {
					return 500, []byte("oops"), nil
				}
				return 200, body, nil
			}
		}, "sync.err.server"},
		{"404", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			next := rebuild(t, repo, s, b, changeFrench)
			e, _ := next.Catalog.Entry("phrases-first-contact-fr")
			delete(repo.files, pack.BlobPath(e.Manifest))
		}, "sync.err.server"},
		{"file larger than its manifest", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			next := rebuild(t, repo, s, b, changeFrench)
			e, _ := next.Catalog.Entry("phrases-first-contact-fr")
			m, _ := pack.OpenManifest(next.Blobs[e.Manifest], keysFor(t, s), e)
			h := pack.BlobPath(m.Files[0].SHA256)
			repo.files[h] = append(append([]byte(nil), repo.files[h]...), "more"...)
		}, "sync.err.tampered"},
		{"manifest swapped between packs", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			next := rebuild(t, repo, s, b, changeFrench)
			fr, _ := next.Catalog.Entry("phrases-first-contact-fr")
			en, _ := next.Catalog.Entry("phrases-first-contact-en")
			repo.files[pack.BlobPath(fr.Manifest)] = next.Blobs[en.Manifest]
		}, "sync.err.tampered"},
		{"cut off and not resumable", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			rebuild(t, repo, s, b, changeFrench)
			repo.fault = func(path string, _ map[string]string, body []byte) (int, []byte, error) {
				if strings.HasPrefix(path, "blobs/") {
					return 200, body[:len(body)/2], io.ErrUnexpectedEOF
				}
				return 200, body, nil
			}
		}, "sync.err.network"},
		{"server gone", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			rebuild(t, repo, s, b, changeFrench)
			repo.fault = func(string, map[string]string, []byte) (int, []byte, error) {
				return 0, nil, nil
			}
		}, "sync.err.network"},
		{"storage full", func(t *testing.T, repo *fakeRepo, s note.Signer, b *pack.Built) {
			rebuild(t, repo, s, b, changeFrench)
		}, "sync.err.storage"},
	} {
		if tc.want == "" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			repo, d, signer, built := setupSync(t)
			before, wantVersions := d.b.Get(storePacks), allFour
			tc.fault(t, repo, signer, built)
			if cat, ok := repo.files["preinstall"]; ok {
				// First let the device install the newer version.
				delete(repo.files, "preinstall")
				bad := repo.files[pack.CatalogPath]
				repo.files[pack.CatalogPath] = cat
				if err := d.sync(syncRequest{}); err != nil {
					t.Fatal(err)
				}
				repo.files[pack.CatalogPath] = bad
				before, wantVersions = d.b.Get(storePacks), d.versions()
			}
			if tc.name == "storage full" {
				d.b.quota = d.b.used() + 10
			}
			if tc.name == "server gone" {
				d.b.fetch = func(context.Context, string, map[string]string) (*fetchResponse, error) {
					return nil, fmt.Errorf("TypeError: Failed to fetch")
				}
			}
			err := d.sync(syncRequest{})
			if err == nil {
				t.Fatal("sync succeeded")
			}
			if got := explain(err).ID; got != tc.want {
				t.Errorf("explained as %s, want %s (%v)", got, tc.want, err)
			}
			if got := d.versions(); got != wantVersions {
				t.Errorf("installed %q, want the old %q", got, wantVersions)
			}
			d.checkUsable()
			// Offline restart: the previous content is all there.
			d.b.fetch = nil
			d.reopen()
			d.checkUsable()
			var ix index
			_ = ix
			if after := d.b.Get(storePacks); !samePacks(t, before, after) {
				t.Error("installed packs changed")
			}
		})
	}
}

func samePacks(t *testing.T, a, b string) bool {
	t.Helper()
	i := strings.Index(a, `"packs"`)
	j := strings.Index(b, `"packs"`)
	return i > 0 && j > 0 && a[i:] == b[j:]
}

// resign changes a catalog's JSON and signs it again with s.
func resign(t *testing.T, s note.Signer, signed []byte, edit func(map[string]any)) []byte {
	t.Helper()
	text := string(signed[:bytes.IndexByte(signed, '\n')])
	var c map[string]any
	if err := json.Unmarshal([]byte(text), &c); err != nil {
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

// A file cut off halfway is resumed from where it broke with a Range
// request, and only the rest is fetched again.
func TestResumeWithRange(t *testing.T) {
	repo, d, signer, built := setupSync(t)
	next := rebuild(t, repo, signer, built, changeFrench)
	e, _ := next.Catalog.Entry("phrases-first-contact-fr")
	m, _ := pack.OpenManifest(next.Blobs[e.Manifest], keysFor(t, signer), e)
	path := pack.BlobPath(m.Files[0].SHA256)
	cut := true
	repo.fault = func(p string, hdr map[string]string, body []byte) (int, []byte, error) {
		if p == path && cut {
			cut = false
			return 200, body[:len(body)/2], io.ErrUnexpectedEOF
		}
		status := 200
		if hdr["Range"] != "" {
			status = 206
		}
		return status, body, nil
	}
	repo.bytes = 0
	if err := d.sync(syncRequest{}); err != nil {
		t.Fatal(err)
	}
	reqs := repo.requests()
	want := fmt.Sprintf("%s bytes=%d-", path, m.Files[0].Size/2)
	if reqs[len(reqs)-1] != want {
		t.Errorf("requests %v, want the last one %q", reqs, want)
	}
	if !strings.Contains(d.versions(), "phrases-first-contact-fr@2") {
		t.Errorf("not updated: %s", d.versions())
	}
}
