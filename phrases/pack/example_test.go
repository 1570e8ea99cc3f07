package pack_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/mod/sumdb/note"
)

func ExampleBuild() {
	// A deterministic key, for the example only: use firstline keygen.
	skey, vkey, _ := note.GenerateKey(bytes.NewReader(make([]byte, 32)), "firstline-example")
	signer, _ := note.NewSigner(skey)
	keys, _ := pack.ParseKeys(vkey)

	contents := []pack.Content{{
		ID: "region-sample", Kind: "region", Title: "Sample region", Langs: []string{"en"},
		Files: []pack.File{{Name: "region.json", Type: "application/json", Data: []byte(`{"contacts":[]}`)}},
	}}
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	b, err := pack.Build(contents, nil, []note.Signer{signer}, now, 30*24*time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s", strings.SplitN(string(b.Catalog.Signed()), "\n", 2)[0][:60])
	fmt.Println("…")
	for _, p := range b.Packs {
		fmt.Println(p.ID, "v", p.Version, p.Change)
	}

	// A client verifies the catalog, then the manifest, then the files.
	cat, err := pack.OpenCatalog(b.Catalog.Signed(), keys, nil, now.Add(time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := cat.Packs[0]
	m, err := pack.OpenManifest(b.Blobs[e.Manifest], keys, e)
	if err != nil {
		fmt.Println(err)
		return
	}
	f := m.Files[0]
	fmt.Println(f.Name, f.Size, pack.CheckFile(f, b.Blobs[f.SHA256]))
	// Output:
	// {"format":"firstline-catalog/1","seq":1,"issued":"2026-11-26…
	// region-sample v 1 added
	// region.json 15 <nil>
}

func ExampleOpenCatalog_expired() {
	skey, vkey, _ := note.GenerateKey(bytes.NewReader(make([]byte, 32)), "firstline-example")
	signer, _ := note.NewSigner(skey)
	keys, _ := pack.ParseKeys(vkey)
	issued := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	b, _ := pack.Build([]pack.Content{{ID: "guide-en", Kind: "guide", Title: "Field guide", Langs: []string{"en"}}},
		nil, []note.Signer{signer}, issued, 30*24*time.Hour)

	cat, err := pack.OpenCatalog(b.Catalog.Signed(), keys, nil, issued.Add(40*24*time.Hour))
	var expired *pack.ExpiredError
	if errors.As(err, &expired) {
		// Installed content stays usable; show when it was last verified.
		fmt.Printf("catalog seq %d: %v\n", cat.Seq, err)
	}
	// Output:
	// catalog seq 1: catalog expired 240h0m0s ago (at 2026-12-26T09:00:00Z)
}

func ExampleOpenCatalog_replayed() {
	skey, vkey, _ := note.GenerateKey(bytes.NewReader(make([]byte, 32)), "firstline-example")
	signer, _ := note.NewSigner(skey)
	keys, _ := pack.ParseKeys(vkey)
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	content := pack.Content{ID: "guide-en", Kind: "guide", Title: "Field guide", Langs: []string{"en"}}
	b1, _ := pack.Build([]pack.Content{content}, nil, []note.Signer{signer}, now, 720*time.Hour)
	r1, _ := pack.OpenRepo(mapFS(b1), keys, nil, now)
	content.Title = "Field guide (2nd edition)"
	b2, _ := pack.Build([]pack.Content{content}, r1, []note.Signer{signer}, now, 720*time.Hour)

	// The device trusts catalog 2; someone serves it catalog 1 again.
	_, err := pack.OpenCatalog(b1.Catalog.Signed(), keys, b2.Catalog, now)
	var seqErr *pack.SeqError
	fmt.Println(errors.As(err, &seqErr), err)
	// Output:
	// true catalog: seq 1 older than the current 2 (replayed catalog?)
}
