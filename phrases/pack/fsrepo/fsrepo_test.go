package fsrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/mod/sumdb/note"
)

var t0 = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

func testKey(t *testing.T) ([]note.Signer, pack.Keys) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(bytes.NewReader(make([]byte, 32)), "firstline-test")
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := pack.ParseKeys(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return []note.Signer{s}, keys
}

func contents(n int, tag string) []pack.Content {
	var list []pack.Content
	for i := range n {
		list = append(list, pack.Content{
			ID: fmt.Sprintf("region-%d", i), Kind: "region", Title: "Region", Langs: []string{"en"},
			Files: []pack.File{{Name: "region.json", Type: "application/json", Data: fmt.Appendf(nil, `{"n":%d,"tag":%q}`, i, tag)}},
		})
	}
	return list
}

// snapshot returns every file under dir with its content and mode.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(&b, "%s %v", rel, info.Mode())
		if !d.IsDir() {
			data, _ := os.ReadFile(path)
			fmt.Fprintf(&b, " %s", pack.Hash(data))
		}
		b.WriteByte('\n')
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestBuildAndReopen(t *testing.T) {
	signers, keys := testKey(t)
	dir := filepath.Join(t.TempDir(), "repo")
	if r, err := Open(dir, keys, t0); r != nil || err != nil {
		t.Fatalf("empty dir: got %v, %v; want nil, nil", r, err)
	}
	b, err := Build(dir, contents(3, "a"), signers, keys, t0, 720*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir, keys, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.CheckBlobs(os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	if got, want := r.Catalog.Seq, b.Catalog.Seq; got != want {
		t.Errorf("seq %d, want %d", got, want)
	}

	// Nothing changed: nothing written.
	before := snapshot(t, dir)
	b2, err := Build(dir, contents(3, "a"), signers, keys, t0.Add(time.Hour), 720*time.Hour)
	if err != nil || b2.Changed {
		t.Fatalf("rebuild: changed %v, %v", b2 != nil && b2.Changed, err)
	}
	if got := snapshot(t, dir); got != before {
		t.Errorf("rebuild wrote files:\n%s\nwant\n%s", got, before)
	}

	// Changed: seq 2, old blobs stay (clients mid-download still find them).
	list := contents(3, "a")
	list[1].Files[0].Data = []byte(`{"changed":1}`)
	if _, err := Build(dir, list, signers, keys, t0.Add(time.Hour), 720*time.Hour); err != nil {
		t.Fatal(err)
	}
	r2, err := pack.OpenRepo(os.DirFS(dir), keys, r.Catalog, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r2.Catalog.Seq, int64(2); got != want {
		t.Errorf("seq %d, want %d", got, want)
	}
	for _, e := range r.Catalog.Packs {
		if _, err := os.Stat(filepath.Join(dir, pack.BlobPath(e.Manifest))); err != nil {
			t.Errorf("old manifest blob gone: %v", err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".build-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestWriteNothingOnError(t *testing.T) {
	signers, keys := testKey(t)
	dir := filepath.Join(t.TempDir(), "repo")
	if _, err := Build(dir, contents(2, "a"), signers, keys, t0, 720*time.Hour); err != nil {
		t.Fatal(err)
	}
	prev, err := Open(dir, keys, t0)
	if err != nil {
		t.Fatal(err)
	}
	next, err := pack.Build(contents(2, "b"), prev, signers, t0.Add(time.Hour), 720*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	var newBlobs []string
	for h := range next.Blobs {
		if _, err := os.Stat(filepath.Join(dir, pack.BlobPath(h))); errors.Is(err, fs.ErrNotExist) {
			newBlobs = append(newBlobs, h)
		}
	}
	if len(newBlobs) < 2 {
		t.Fatalf("want at least 2 new blobs, got %d", len(newBlobs))
	}

	tests := []struct {
		name   string
		setup  func(t *testing.T) // makes the write fail
		failOn string             // or: base name on which rename fails
	}{
		{"catalog rename fails", nil, pack.CatalogPath},
		{"second blob rename fails", nil, "second-blob"},
		{"blob path taken by a directory", func(t *testing.T) {
			os.MkdirAll(filepath.Join(dir, pack.BlobPath(newBlobs[1]), "x"), 0o755)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup(t)
				defer os.RemoveAll(filepath.Join(dir, pack.BlobPath(newBlobs[1])))
			}
			before := snapshot(t, dir)
			renames := 0
			rename = func(from, to string) error {
				renames++
				if filepath.Base(to) == tt.failOn || tt.failOn == "second-blob" && renames == 2 {
					return errors.New("injected failure")
				}
				return os.Rename(from, to)
			}
			defer func() { rename = os.Rename }()
			if err := Write(dir, next); err == nil {
				t.Fatal("no error")
			}
			if got := snapshot(t, dir); got != before {
				t.Errorf("repository changed:\n%s\nwant\n%s", got, before)
			}
		})
	}

	// A new repository directory is not left behind either.
	fresh := filepath.Join(t.TempDir(), "new")
	rename = func(from, to string) error { return errors.New("injected failure") }
	defer func() { rename = os.Rename }()
	if _, err := Build(fresh, contents(1, "a"), signers, keys, t0, time.Hour); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(fresh); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("new repository dir left behind: %v", err)
	}
}

func TestBundleFile(t *testing.T) {
	signers, keys := testKey(t)
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "repo")
	if _, err := Build(dir, contents(3, "a"), signers, keys, t0, 720*time.Hour); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "b.flpack")
	if err := WriteBundle(dir, []string{"region-1"}, out); err != nil {
		t.Fatal(err)
	}
	b, f, err := ReadBundle(out, keys, nil, t0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := len(b.Packs()); got != 1 {
		t.Errorf("%d packs, want 1", got)
	}
	// An unknown pack: error, and out untouched.
	before := snapshot(t, tmp)
	if err := WriteBundle(dir, []string{"region-9"}, out); err == nil {
		t.Error("unknown pack bundled")
	}
	if got := snapshot(t, tmp); got != before {
		t.Errorf("failed bundle changed files:\n%s", got)
	}
}
