package pack_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/mod/sumdb/note"
)

// t0 is the build time of the test repositories.
var t0 = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

const validity = 30 * 24 * time.Hour

// testKey is a deterministic key pair.
type testKey struct {
	signer note.Signer
	vkey   string
}

func newKey(tb testing.TB, name string, seed byte) testKey {
	tb.Helper()
	skey, vkey, err := note.GenerateKey(bytes.NewReader(bytes.Repeat([]byte{seed}, 64)), name)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		tb.Fatal(err)
	}
	return testKey{s, vkey}
}

func keysOf(tb testing.TB, ks ...testKey) pack.Keys {
	tb.Helper()
	var lines string
	for _, k := range ks {
		lines += k.vkey + "\n"
	}
	keys, err := pack.ParseKeys(lines)
	if err != nil {
		tb.Fatal(err)
	}
	return keys
}

func signers(ks ...testKey) []note.Signer {
	var list []note.Signer
	for _, k := range ks {
		list = append(list, k.signer)
	}
	return list
}

// testContents returns n small packs with a few files each.
func testContents(n int) []pack.Content {
	var list []pack.Content
	for i := range n {
		c := pack.Content{
			ID:    fmt.Sprintf("phrases-set-%02d", i),
			Kind:  "phrases",
			Title: fmt.Sprintf("Set %d", i),
			Langs: []string{"en", "fr"},
		}
		c.Files = append(c.Files,
			pack.File{Name: "pack.json", Type: "application/json", Data: fmt.Appendf(nil, `{"set":%d}`, i)},
			pack.File{Name: "audio/opening.opus", Type: "audio/ogg", Data: bytes.Repeat([]byte{byte(i)}, 100+i)},
		)
		list = append(list, c)
	}
	return list
}

func build(tb testing.TB, contents []pack.Content, prev *pack.Repo, ks []testKey, now time.Time) *pack.Built {
	tb.Helper()
	b, err := pack.Build(contents, prev, signers(ks...), now, validity)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// repoFS lays a build out as a repository.
func repoFS(b *pack.Built) fstest.MapFS {
	fsys := fstest.MapFS{pack.CatalogPath: {Data: b.Catalog.Signed()}}
	for h, data := range b.Blobs {
		fsys[pack.BlobPath(h)] = &fstest.MapFile{Data: data}
	}
	return fsys
}

func openRepo(tb testing.TB, fsys fstest.MapFS, keys pack.Keys, now time.Time) *pack.Repo {
	tb.Helper()
	r, err := pack.OpenRepo(fsys, keys, nil, now)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// signText signs a JSON value as a note, for hand-made catalogs.
func signText(tb testing.TB, v any, ks ...testKey) []byte {
	tb.Helper()
	text, err := jsonLine(v)
	if err != nil {
		tb.Fatal(err)
	}
	msg, err := note.Sign(&note.Note{Text: string(text)}, signers(ks...)...)
	if err != nil {
		tb.Fatal(err)
	}
	return msg
}

// errKind names the typed pack error in err's chain, for got/want
// comparisons: "Signature", "Hash", ..., "nil", or "untyped: <err>".
func errKind(err error) string {
	var (
		sig      *pack.SignatureError
		format   *pack.FormatError
		limit    *pack.LimitError
		seq      *pack.SeqError
		version  *pack.VersionError
		hash     *pack.HashError
		size     *pack.SizeError
		mismatch *pack.MismatchError
		expired  *pack.ExpiredError
		missing  *pack.MissingError
	)
	switch {
	case err == nil:
		return "nil"
	case errors.As(err, &sig):
		return "Signature"
	case errors.As(err, &format):
		return "Format"
	case errors.As(err, &limit):
		return "Limit"
	case errors.As(err, &seq):
		return "Seq"
	case errors.As(err, &version):
		return "Version"
	case errors.As(err, &hash):
		return "Hash"
	case errors.As(err, &size):
		return "Size"
	case errors.As(err, &mismatch):
		return "Mismatch"
	case errors.As(err, &expired):
		return "Expired"
	case errors.As(err, &missing):
		return "Missing"
	}
	return "untyped: " + err.Error()
}

func noteGenerate(name string, seed byte) (string, string, error) {
	return note.GenerateKey(bytes.NewReader(bytes.Repeat([]byte{seed}, 64)), name)
}

func mapFS(b *pack.Built) fstest.MapFS { return repoFS(b) }
