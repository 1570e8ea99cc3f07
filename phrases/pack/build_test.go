package pack_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
)

func TestBuildIncremental(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	keys := keysOf(t, key)
	contents := testContents(4)
	b1 := build(t, contents, nil, []testKey{key}, t0)
	r1 := openRepo(t, repoFS(b1), keys, t0)

	// Unchanged: nothing to write, same catalog.
	b2 := build(t, testContents(4), r1, []testKey{key}, t0.Add(time.Hour))
	if b2.Changed {
		t.Fatal("unchanged content: Changed = true")
	}
	if !bytes.Equal(b2.Catalog.Signed(), b1.Catalog.Signed()) {
		t.Error("unchanged content: catalog differs")
	}

	// One file changed (file order shuffled too): only its pack moves.
	changed := testContents(4)
	changed[2].Files[1].Data = []byte("new recording")
	changed[1].Files[0], changed[1].Files[1] = changed[1].Files[1], changed[1].Files[0]
	b3 := build(t, changed, r1, []testKey{key}, t0.Add(time.Hour))
	if !b3.Changed {
		t.Fatal("changed content: Changed = false")
	}
	if got, want := b3.Catalog.Seq, int64(2); got != want {
		t.Errorf("seq = %d, want %d", got, want)
	}
	for i, e := range b3.Catalog.Packs {
		old := b1.Catalog.Packs[i]
		wantVersion, wantChange := int64(1), pack.Unchanged
		if i == 2 {
			wantVersion, wantChange = 2, pack.Updated
		}
		if e.Version != wantVersion || b3.Packs[i].Change != wantChange {
			t.Errorf("%s: version %d %v, want %d %v", e.ID, e.Version, b3.Packs[i].Change, wantVersion, wantChange)
		}
		if same := e.Manifest == old.Manifest; same != (i != 2) {
			t.Errorf("%s: manifest hash kept = %v, want %v", e.ID, same, i != 2)
		}
	}
	r3 := openRepo(t, repoFS(b3), keys, t0.Add(time.Hour))
	if _, err := pack.OpenCatalog(b3.Catalog.Signed(), keys, b1.Catalog, t0.Add(time.Hour)); err != nil {
		t.Fatalf("update rejected: %v", err)
	}

	// Removed, then added back: above its last version.
	b4 := build(t, changed[:2], r3, []testKey{key}, t0.Add(2*time.Hour))
	if got, want := len(b4.Catalog.Retired), 2; got != want {
		t.Fatalf("retired = %v, want %d packs", b4.Catalog.Retired, want)
	}
	r4 := openRepo(t, repoFS(b4), keys, t0.Add(2*time.Hour))
	b5 := build(t, changed, r4, []testKey{key}, t0.Add(3*time.Hour))
	if got, want := b5.Catalog.Packs[2].Version, int64(3); got != want {
		t.Errorf("re-added pack: version %d, want %d", got, want)
	}
	if got, want := b5.Packs[2].Change, pack.Added; got != want {
		t.Errorf("re-added pack: %v, want %v", got, want)
	}
	if _, err := pack.OpenCatalog(b5.Catalog.Signed(), keys, r4.Catalog, t0.Add(3*time.Hour)); err != nil {
		t.Fatalf("re-add rejected: %v", err)
	}
}

func TestBuildRenewsAndRotates(t *testing.T) {
	oldKey, newKey_ := newKey(t, "firstline-2026", 1), newKey(t, "firstline-2027", 2)
	contents := testContents(2)
	b1 := build(t, contents, nil, []testKey{oldKey}, t0)
	r1 := openRepo(t, repoFS(b1), keysOf(t, oldKey), t0)

	// Past half the validity: re-signed with a new expiry.
	later := t0.Add(validity/2 + time.Hour)
	b2 := build(t, contents, r1, []testKey{oldKey}, later)
	if !b2.Changed || b2.Catalog.Seq != 2 || !b2.Catalog.Expires.Equal(later.Add(validity)) {
		t.Errorf("renewal: changed %v seq %d expires %v", b2.Changed, b2.Catalog.Seq, b2.Catalog.Expires)
	}
	for _, p := range b2.Packs {
		if p.Change != pack.Unchanged {
			t.Errorf("renewal: %s %v, want unchanged", p.ID, p.Change)
		}
	}

	// Rotation: sign with both; versions stay, manifests re-signed, and
	// devices trusting either key accept it.
	b3 := build(t, contents, r1, []testKey{newKey_, oldKey}, t0.Add(time.Hour))
	for _, p := range b3.Packs {
		if p.Change != pack.Resigned || p.Version != 1 {
			t.Errorf("rotation: %s %v v%d, want re-signed v1", p.ID, p.Change, p.Version)
		}
	}
	for _, k := range []testKey{oldKey, newKey_} {
		if _, err := pack.OpenRepo(repoFS(b3), keysOf(t, k), r1.Catalog, t0.Add(time.Hour)); err != nil {
			t.Errorf("rotation: key %s: %v", k.signer.Name(), err)
		}
	}
	// Then the new key alone.
	r3 := openRepo(t, repoFS(b3), keysOf(t, newKey_), t0.Add(time.Hour))
	b4 := build(t, contents, r3, []testKey{newKey_}, t0.Add(2*time.Hour))
	if _, err := pack.OpenRepo(repoFS(b4), keysOf(t, oldKey), nil, t0.Add(2*time.Hour)); errKind(err) != "Signature" {
		t.Errorf("after rotation, old key: error %v, want a SignatureError", err)
	}
}

func TestBuildRejects(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	edit := func(f func(c *pack.Content)) []pack.Content {
		list := testContents(2)
		f(&list[0])
		return list
	}
	tests := []struct {
		name     string
		contents []pack.Content
	}{
		{"bad id", edit(func(c *pack.Content) { c.ID = "Guide FR" })},
		{"duplicate id", edit(func(c *pack.Content) { c.ID = "phrases-set-01" })},
		{"duplicate file", edit(func(c *pack.Content) { c.Files[1].Name = c.Files[0].Name })},
		{"file name escapes", edit(func(c *pack.Content) { c.Files[0].Name = "../x" })},
		{"absolute file name", edit(func(c *pack.Content) { c.Files[0].Name = "/x" })},
		{"no media type", edit(func(c *pack.Content) { c.Files[0].Type = "" })},
		{"empty title", edit(func(c *pack.Content) { c.Title = " " })},
		{"bad lang", edit(func(c *pack.Content) { c.Langs = []string{"en us"} })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := pack.Build(tt.contents, nil, signers(key), t0, validity); err == nil {
				t.Error("accepted")
			}
		})
	}
}
