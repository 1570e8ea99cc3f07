package source

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/mod/sumdb/note"
)

const repoGolden = "../testdata/golden-repo/repository.txt"

// zeroReader gives a fixed key: ed25519 signatures are deterministic, so a
// build at a fixed time is byte-for-byte reproducible.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// The signed repository built from the sample (catalog and every manifest,
// signatures included) is compared with a golden file: any change to the
// wire format or the build shows up in review.
func TestRepositoryGolden(t *testing.T) {
	contents, err := Packs(mustLoad(t, sampleDir))
	if err != nil {
		t.Fatal(err)
	}
	skey, _, err := note.GenerateKey(zeroReader{}, "golden")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	built, err := pack.Build(contents, nil, []note.Signer{signer}, at, 30*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	got.WriteString("== catalog\n")
	got.Write(built.Catalog.Signed())
	var hashes []string
	for h := range built.Blobs {
		hashes = append(hashes, h)
	}
	sort.Strings(hashes)
	for _, h := range hashes {
		b := built.Blobs[h]
		if bytes.HasPrefix(b, []byte(`{"format":"firstline-manifest/`)) {
			got.WriteString("== manifest " + h + "\n")
			got.Write(b)
		} else {
			got.WriteString("== blob " + h + "\n")
		}
	}
	if *update {
		os.MkdirAll(filepath.Dir(repoGolden), 0o755)
		if err := os.WriteFile(repoGolden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(repoGolden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("repository differs from %s (run go test -update and review the diff):\n%s", repoGolden, got.Bytes())
	}
}
