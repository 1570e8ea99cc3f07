package pack_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
)

func TestRoundTrip(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	contents := testContents(3)
	b := build(t, contents, nil, []testKey{key}, t0)
	fsys := repoFS(b)
	r := openRepo(t, fsys, keysOf(t, key), t0.Add(time.Hour))
	if err := r.CheckBlobs(fsys); err != nil {
		t.Fatal(err)
	}
	if got, want := r.Catalog.Seq, int64(1); got != want {
		t.Errorf("seq = %d, want %d", got, want)
	}
	for _, c := range contents {
		m := r.Manifests[c.ID]
		if m == nil {
			t.Fatalf("pack %s missing", c.ID)
		}
		if got, want := m.Version, int64(1); got != want {
			t.Errorf("%s: version = %d, want %d", c.ID, got, want)
		}
		for _, f := range c.Files {
			mf, ok := m.File(f.Name)
			if !ok {
				t.Fatalf("%s: file %s missing", c.ID, f.Name)
			}
			if err := pack.CheckFile(mf, f.Data); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
}

// mangle returns a copy of data with byte i changed.
func mangle(data []byte, i int) []byte {
	m := bytes.Clone(data)
	m[i] ^= 0x01
	if m[i] == data[i] || m[i] == '\n' && data[i] != '\n' {
		m[i] = data[i] ^ 0x02
	}
	return m
}

func TestOpenCatalogMangled(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	keys := keysOf(t, key)
	b := build(t, testContents(2), nil, []testKey{key}, t0)
	data := b.Catalog.Signed()
	if _, err := pack.OpenCatalog(data, keys, nil, t0); err != nil {
		t.Fatal(err)
	}
	for i := range data {
		_, err := pack.OpenCatalog(mangle(data, i), keys, nil, t0)
		if got, want := errKind(err), "Signature"; got != want {
			t.Fatalf("byte %d (%q) changed: error %s (%v), want %s", i, data[i], got, err, want)
		}
	}
	for n := range len(data) {
		_, err := pack.OpenCatalog(data[:n], keys, nil, t0)
		if got, want := errKind(err), "Signature"; got != want {
			t.Fatalf("truncated to %d bytes: error %s, want %s", n, got, want)
		}
	}
}

func TestOpenManifestMangled(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	keys := keysOf(t, key)
	b := build(t, testContents(2), nil, []testKey{key}, t0)
	e := b.Catalog.Packs[0]
	data := b.Blobs[e.Manifest]
	if _, err := pack.OpenManifest(data, keys, e); err != nil {
		t.Fatal(err)
	}
	for i := range data {
		bad := mangle(data, i)
		_, err := pack.OpenManifest(bad, keys, e)
		if got, want := errKind(err), "Hash"; got != want {
			t.Fatalf("byte %d changed: error %s, want %s", i, got, want)
		}
		// Even with a catalog entry that matches the changed bytes, the
		// signature does not.
		forged := e
		forged.Manifest = pack.Hash(bad)
		_, err = pack.OpenManifest(bad, keys, forged)
		if got, want := errKind(err), "Signature"; got != want {
			t.Fatalf("byte %d changed, entry forged: error %s (%v), want %s", i, got, err, want)
		}
	}
	for n := range len(data) {
		_, err := pack.OpenManifest(data[:n], keys, e)
		if got, want := errKind(err), "Size"; got != want {
			t.Fatalf("truncated to %d bytes: error %s, want %s", n, got, want)
		}
	}
}

func TestOpenManifestSwapped(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	keys := keysOf(t, key)
	b := build(t, testContents(2), nil, []testKey{key}, t0)
	a, other := b.Catalog.Packs[0], b.Catalog.Packs[1]
	otherData := b.Blobs[other.Manifest]

	tests := []struct {
		name  string
		entry pack.CatalogEntry
		want  string
	}{
		{"swapped blob", func() pack.CatalogEntry { e := a; e.ManifestSize = other.ManifestSize; return e }(), "Hash"},
		{"entry pointing at another pack's manifest", func() pack.CatalogEntry {
			e := a
			e.Manifest, e.ManifestSize = other.Manifest, other.ManifestSize
			return e
		}(), "Mismatch"},
		{"entry with another version", func() pack.CatalogEntry {
			e := other
			e.Version = 2
			return e
		}(), "Mismatch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pack.OpenManifest(otherData, keys, tt.entry)
			if got := errKind(err); got != tt.want {
				t.Errorf("error %s (%v), want %s", got, err, tt.want)
			}
		})
	}
}

func TestOpenCatalogHistory(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	keys := keysOf(t, key)
	contents := testContents(3)
	b1 := build(t, contents, nil, []testKey{key}, t0)
	r1 := openRepo(t, repoFS(b1), keys, t0)
	contents[1].Files[0].Data = []byte(`{"changed":true}`)
	b2 := build(t, contents, r1, []testKey{key}, t0.Add(time.Hour))
	c2, err := pack.OpenCatalog(b2.Catalog.Signed(), keys, b1.Catalog, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	// Another seq-1 catalog: same seq, different content.
	fork := build(t, testContents(1), nil, []testKey{key}, t0)

	// A later catalog that lowers a version.
	lowered := *c2
	lowered.Seq = 3
	lowered.Packs = append([]pack.CatalogEntry(nil), c2.Packs...)
	lowered.Packs[1].Version = 1
	loweredData := signText(t, &lowered, key)

	// A pack retired at version 2 coming back at version 2.
	retired := *c2
	retired.Seq = 3
	retired.Packs = []pack.CatalogEntry{c2.Packs[0], c2.Packs[2]}
	retired.Retired = []pack.Retired{{ID: c2.Packs[1].ID, Version: 2}}
	back := *c2
	back.Seq = 4

	tests := []struct {
		name string
		data []byte
		prev *pack.Catalog
		want string
	}{
		{"newer", b2.Catalog.Signed(), b1.Catalog, "nil"},
		{"same", b2.Catalog.Signed(), c2, "nil"},
		{"replayed older", b1.Catalog.Signed(), c2, "Seq"},
		{"same seq, other content", fork.Catalog.Signed(), b1.Catalog, "Seq"},
		{"version lowered", loweredData, c2, "Version"},
		{"retired", signText(t, &retired, key), c2, "nil"},
		{"back at the retired version", signText(t, &back, key), mustOpen(t, signText(t, &retired, key), keys), "Version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pack.OpenCatalog(tt.data, keys, tt.prev, t0.Add(2*time.Hour))
			if got := errKind(err); got != tt.want {
				t.Errorf("error %s (%v), want %s", got, err, tt.want)
			}
		})
	}

	var verr *pack.VersionError
	_, err = pack.OpenCatalog(loweredData, keys, c2, t0)
	if !errors.As(err, &verr) {
		t.Fatalf("got %v, want *VersionError", err)
	}
	if got, want := *verr, (pack.VersionError{ID: c2.Packs[1].ID, Have: 2, Got: 1}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func mustOpen(t *testing.T, data []byte, keys pack.Keys) *pack.Catalog {
	t.Helper()
	c, err := pack.OpenCatalog(data, keys, nil, t0)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestOpenCatalogKeys(t *testing.T) {
	oldKey := newKey(t, "firstline-2026", 1)
	newKey_ := newKey(t, "firstline-2027", 2)
	stranger := newKey(t, "firstline-2026", 3) // same name, other key
	contents := testContents(1)

	tests := []struct {
		name    string
		signers []testKey
		trusted []testKey
		want    string
	}{
		{"old key", []testKey{oldKey}, []testKey{oldKey}, "nil"},
		{"rotation, old trusted", []testKey{newKey_, oldKey}, []testKey{oldKey}, "nil"},
		{"rotation, new trusted", []testKey{newKey_, oldKey}, []testKey{newKey_}, "nil"},
		{"new only, both trusted", []testKey{newKey_}, []testKey{oldKey, newKey_}, "nil"},
		{"new only, old trusted", []testKey{newKey_}, []testKey{oldKey}, "Signature"},
		{"unknown key", []testKey{stranger}, []testKey{oldKey}, "Signature"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := build(t, contents, nil, tt.signers, t0)
			r, err := pack.OpenRepo(repoFS(b), keysOf(t, tt.trusted...), nil, t0)
			if got := errKind(err); got != tt.want {
				t.Fatalf("error %s (%v), want %s", got, err, tt.want)
			}
			if err == nil && len(r.Manifests) != 1 {
				t.Errorf("got %d manifests, want 1", len(r.Manifests))
			}
		})
	}

	// The error names the unknown signer.
	b := build(t, contents, nil, []testKey{stranger}, t0)
	_, err := pack.OpenCatalog(b.Catalog.Signed(), keysOf(t, oldKey), nil, t0)
	var serr *pack.SignatureError
	if !errors.As(err, &serr) || len(serr.Signers) != 1 || !strings.HasPrefix(serr.Signers[0], "firstline-2026+") {
		t.Errorf("got %#v, want a SignatureError naming the signer", err)
	}
}

func TestOpenCatalogExpired(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	b := build(t, testContents(1), nil, []testKey{key}, t0)
	now := t0.Add(validity + 48*time.Hour)
	c, err := pack.OpenCatalog(b.Catalog.Signed(), keysOf(t, key), nil, now)
	var exp *pack.ExpiredError
	if !errors.As(err, &exp) {
		t.Fatalf("got %v, want *ExpiredError", err)
	}
	if c == nil {
		t.Fatal("expired catalog not returned")
	}
	if got, want := exp.Expires, t0.Add(validity); !got.Equal(want) {
		t.Errorf("Expires = %v, want %v", got, want)
	}
	if got, want := exp.Error(), "catalog expired 48h0m0s ago (at 2026-12-26T09:00:00Z)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestOpenCatalogLimits(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	keys := keysOf(t, key)
	good := mustOpen(t, build(t, testContents(1), nil, []testKey{key}, t0).Catalog.Signed(), keys)
	edit := func(f func(c *pack.Catalog)) []byte {
		c := *good
		c.Packs = append([]pack.CatalogEntry(nil), good.Packs...)
		f(&c)
		return signText(t, &c, key)
	}
	tooMany := func(c *pack.Catalog) {
		for len(c.Packs) <= pack.MaxPacks {
			e := c.Packs[0]
			e.ID = strings.Repeat("p", 1+len(c.Packs)%60) + "-" + strings.Repeat("x", len(c.Packs)/60)
			c.Packs = append(c.Packs, e)
		}
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"too big", append(bytes.Repeat([]byte("x"), pack.MaxCatalogSize), '\n'), "Limit"},
		{"too many packs", edit(tooMany), "Limit"},
		{"id too long", edit(func(c *pack.Catalog) { c.Packs[0].ID = strings.Repeat("a", pack.MaxIDLen+1) }), "Limit"},
		{"id charset", edit(func(c *pack.Catalog) { c.Packs[0].ID = "../etc" }), "Format"},
		{"id upper case", edit(func(c *pack.Catalog) { c.Packs[0].ID = "Guide" }), "Format"},
		{"title too long", edit(func(c *pack.Catalog) { c.Packs[0].Title = strings.Repeat("t", pack.MaxTitleLen+1) }), "Limit"},
		{"pack too big", edit(func(c *pack.Catalog) { c.Packs[0].Size = pack.MaxPackSize + 1 }), "Limit"},
		{"manifest too big", edit(func(c *pack.Catalog) { c.Packs[0].ManifestSize = pack.MaxManifestSize + 1 }), "Limit"},
		{"bad hash", edit(func(c *pack.Catalog) { c.Packs[0].Manifest = strings.ToUpper(c.Packs[0].Manifest) }), "Format"},
		{"duplicate pack", edit(func(c *pack.Catalog) { c.Packs = append(c.Packs, c.Packs[0]) }), "Format"},
		{"other format", edit(func(c *pack.Catalog) { c.Format = "firstline-catalog/2" }), "Format"},
		{"seq 0", edit(func(c *pack.Catalog) { c.Seq = 0 }), "Format"},
		{"expires before issued", edit(func(c *pack.Catalog) { c.Expires = c.Issued.Add(-time.Second) }), "Format"},
		{"version 0", edit(func(c *pack.Catalog) { c.Packs[0].Version = 0 }), "Format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pack.OpenCatalog(tt.data, keys, nil, t0)
			if got := errKind(err); got != tt.want {
				t.Errorf("error %s (%v), want %s", got, err, tt.want)
			}
		})
	}
}

func TestCheckFile(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	contents := testContents(1)
	b := build(t, contents, nil, []testKey{key}, t0)
	r := openRepo(t, repoFS(b), keysOf(t, key), t0)
	f, _ := r.Manifests[contents[0].ID].File("pack.json")
	data := contents[0].Files[0].Data
	flipped := bytes.Clone(data)
	flipped[0] ^= 1
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"good", data, "nil"},
		{"flipped", flipped, "Hash"},
		{"short", data[:len(data)-1], "Size"},
		{"long", append(bytes.Clone(data), 'x'), "Size"},
		{"empty", nil, "Size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := pack.CheckFile(f, tt.data)
			if got := errKind(err); got != tt.want {
				t.Errorf("error %s (%v), want %s", got, err, tt.want)
			}
			// Streamed in small pieces, the same verdict.
			c := pack.NewFileChecker(f)
			for p := tt.data; len(p) > 0; p = p[min(3, len(p)):] {
				if _, err := c.Write(p[:min(3, len(p))]); err != nil {
					break
				}
			}
			if got := errKind(c.Check()); got != tt.want {
				t.Errorf("streamed: error %s, want %s", got, tt.want)
			}
		})
	}
	var herr *pack.HashError
	if err := pack.CheckFile(f, flipped); !errors.As(err, &herr) || herr.Pack != contents[0].ID+" v1" || herr.Name != "pack.json" {
		t.Errorf("got %v, want a HashError naming the pack and file", err)
	}
}

func TestParseKeys(t *testing.T) {
	k := newKey(t, "firstline-test", 1)
	tests := []struct {
		name, in string
		want     int // keys, or -1 for an error
	}{
		{"one", k.vkey, 1},
		{"comments and blanks", "# trusted\n\n" + k.vkey + "\n  \n", 1},
		{"two", k.vkey + "\n" + newKey(t, "other", 2).vkey, 2},
		{"empty", "\n# none\n", -1},
		{"garbage", k.vkey + "\nnot a key", -1},
		{"private key", "PRIVATE+KEY+x+00000000+AAAA", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys, err := pack.ParseKeys(tt.in)
			got := keys.Len()
			if err != nil {
				got = -1
			}
			if got != tt.want {
				t.Errorf("got %d keys (err %v), want %d", got, err, tt.want)
			}
		})
	}
}

func TestParseSignerKey(t *testing.T) {
	for seed := range byte(40) { // some keys have '+' in their base64
		skey, vkey, err := noteGenerate("firstline-test", seed)
		if err != nil {
			t.Fatal(err)
		}
		_, gotV, err := pack.ParseSignerKey(skey)
		if err != nil || gotV != vkey {
			t.Fatalf("%s: got %q, %v; want %q", skey, gotV, err, vkey)
		}
	}
	skey, vkey, err := noteGenerate("firstline-test", 9)
	if err != nil {
		t.Fatal(err)
	}
	s, gotV, err := pack.ParseSignerKey(skey + "\n")
	if err != nil {
		t.Fatal(err)
	}
	if gotV != vkey {
		t.Errorf("vkey = %q, want %q", gotV, vkey)
	}
	if s.Name() != "firstline-test" {
		t.Errorf("name = %q", s.Name())
	}
	if _, _, err := pack.ParseSignerKey(vkey); err == nil {
		t.Error("public key accepted as a signer key")
	}
}
