package pack_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/mod/sumdb/note"
)

var updateSeeds = flag.Bool("update-seeds", false, "rewrite the fuzz seed corpora in testdata/fuzz")

// fuzzFixture is a small repository signed by a fixed key.
type fuzzFixture struct {
	keys     pack.Keys
	built    *pack.Built
	bundle   []byte
	manifest []byte
	entry    pack.CatalogEntry
}

func newFuzzFixture(tb testing.TB) fuzzFixture {
	key := newKey(tb, "firstline-fuzz", 7)
	b := build(tb, testContents(2), nil, []testKey{key}, t0)
	e := b.Catalog.Packs[0]
	return fuzzFixture{
		keys: keysOf(tb, key), built: b, entry: e, manifest: b.Blobs[e.Manifest],
		bundle: testBundle(tb, key, 2, "phrases-set-00"),
	}
}

// TestFuzzSeeds writes the seed corpora with -update-seeds, and checks
// that they exist otherwise.
func TestFuzzSeeds(t *testing.T) {
	fx := newFuzzFixture(t)
	seeds := map[string][][]byte{
		"FuzzOpenCatalog":  {fx.built.Catalog.Signed(), fx.built.Catalog.Signed()[:100]},
		"FuzzOpenManifest": {fx.manifest},
		"FuzzReadBundle":   {fx.bundle},
		"FuzzNote":         {fx.built.Catalog.Signed(), fx.manifest},
	}
	for target, list := range seeds {
		dir := filepath.Join("testdata", "fuzz", target)
		if !*updateSeeds {
			if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) == 0 {
				t.Errorf("%s: no seed corpus (go test -run TestFuzzSeeds -update-seeds)", dir)
			}
			continue
		}
		os.MkdirAll(dir, 0o755)
		for i, data := range list {
			body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%d", i)), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func FuzzOpenCatalog(f *testing.F) {
	fx := newFuzzFixture(f)
	f.Add(fx.built.Catalog.Signed())
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := pack.OpenCatalog(data, fx.keys, fx.built.Catalog, t0)
		if err == nil && c == nil {
			t.Fatal("nil catalog without error")
		}
		if err != nil && errKind(err)[0] == 'u' {
			t.Fatalf("untyped error: %v", err)
		}
		if err == nil && !bytes.Equal(data, fx.built.Catalog.Signed()) {
			t.Fatalf("accepted a changed catalog")
		}
	})
}

func FuzzOpenManifest(f *testing.F) {
	fx := newFuzzFixture(f)
	f.Add(fx.manifest)
	f.Fuzz(func(t *testing.T, data []byte) {
		// With an entry matching whatever bytes come, so that the fuzzer
		// reaches the signature and JSON checks.
		e := fx.entry
		e.Manifest, e.ManifestSize = pack.Hash(data), int64(len(data))
		m, err := pack.OpenManifest(data, fx.keys, e)
		if err != nil && errKind(err)[0] == 'u' {
			t.Fatalf("untyped error: %v", err)
		}
		if err == nil && (m == nil || !bytes.Equal(data, fx.manifest)) {
			t.Fatalf("accepted a changed manifest")
		}
	})
}

func FuzzReadBundle(f *testing.F) {
	fx := newFuzzFixture(f)
	f.Add(fx.bundle)
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := pack.ReadBundle(bytes.NewReader(data), int64(len(data)), fx.keys, nil, t0)
		if err != nil && errKind(err)[0] == 'u' {
			t.Fatalf("untyped error: %v", err)
		}
		if err == nil {
			for _, m := range b.Manifests {
				for _, file := range m.Files {
					if _, err := b.ReadFile(file); err != nil {
						t.Fatalf("verified bundle, unreadable file: %v", err)
					}
				}
			}
		}
	})
}

// FuzzNote checks note.Open with our keys: it never panics, and whatever
// it accepts carries a signature by our key over exactly its text.
func FuzzNote(f *testing.F) {
	fx := newFuzzFixture(f)
	f.Add(fx.built.Catalog.Signed())
	key := newKey(f, "firstline-fuzz", 7)
	v, err := note.NewVerifier(key.vkey)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := note.Open(data, note.VerifierList(v))
		if err != nil {
			return
		}
		if len(n.Sigs) == 0 || !bytes.HasPrefix(data, []byte(n.Text)) {
			t.Fatalf("accepted note without signature or with another text")
		}
		resigned, err := note.Sign(&note.Note{Text: n.Text}, key.signer)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := note.Open(resigned, note.VerifierList(v)); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkBuild(b *testing.B) {
	key := newKey(b, "firstline-bench", 1)
	contents := benchContents(40)
	var size int64
	for _, c := range contents {
		for _, f := range c.Files {
			size += int64(len(f.Data))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pack.Build(contents, nil, signers(key), t0, time.Hour); err != nil {
			b.Fatal(err)
		}
	}
}

// benchContents is n packs the size of a language's phrase set: a
// JSON file of 40 KB and 35 recordings of 20 KB.
func benchContents(n int) []pack.Content {
	list := testContents(n)
	for i := range list {
		list[i].Files[0].Data = bytes.Repeat([]byte(fmt.Sprintf("%d", i)), 40<<10)
		list[i].Files = list[i].Files[:1]
		for j := range 35 {
			list[i].Files = append(list[i].Files, pack.File{
				Name: fmt.Sprintf("audio/%02d.opus", j), Type: "audio/ogg",
				Data: bytes.Repeat([]byte{byte(i), byte(j)}, 10<<10),
			})
		}
	}
	return list
}

func BenchmarkOpenCatalog(b *testing.B) {
	key := newKey(b, "firstline-bench", 1)
	keys := keysOf(b, key)
	built := build(b, benchContents(40), nil, []testKey{key}, t0)
	data := built.Catalog.Signed()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pack.OpenCatalog(data, keys, built.Catalog, t0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadBundle(b *testing.B) {
	key := newKey(b, "firstline-bench", 1)
	keys := keysOf(b, key)
	built := build(b, benchContents(40), nil, []testKey{key}, t0)
	var ids []string
	for _, e := range built.Catalog.Packs[:10] {
		ids = append(ids, e.ID)
	}
	var buf bytes.Buffer
	if err := pack.WriteBundle(&buf, repoFS(built), ids); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pack.ReadBundle(bytes.NewReader(data), int64(len(data)), keys, nil, t0); err != nil {
			b.Fatal(err)
		}
	}
}
