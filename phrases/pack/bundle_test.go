package pack_test

import (
	"bytes"
	"encoding/binary"
	"slices"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
)

// testBundle builds a repository of n packs and bundles the given ones.
func testBundle(tb testing.TB, key testKey, n int, ids ...string) []byte {
	tb.Helper()
	b := build(tb, testContents(n), nil, []testKey{key}, t0)
	var buf bytes.Buffer
	if err := pack.WriteBundle(&buf, repoFS(b), ids); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func readBundle(data []byte, keys pack.Keys) (*pack.Bundle, error) {
	return pack.ReadBundle(bytes.NewReader(data), int64(len(data)), keys, nil, t0.Add(time.Hour))
}

func TestBundleRoundTrip(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	contents := testContents(3)
	data := testBundle(t, key, 3, "phrases-set-02", "phrases-set-00")
	b, err := readBundle(data, keysOf(t, key))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range b.Packs() {
		got = append(got, e.ID)
	}
	if want := []string{"phrases-set-00", "phrases-set-02"}; !equalStrings(got, want) {
		t.Errorf("packs %v, want %v", got, want)
	}
	for _, c := range []pack.Content{contents[0], contents[2]} {
		for _, f := range c.Files {
			mf, _ := b.Manifests[c.ID].File(f.Name)
			data, err := b.ReadFile(mf)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, f.Data) {
				t.Errorf("%s %s: wrong data", c.ID, f.Name)
			}
		}
	}
}

func equalStrings(a, b []string) bool { return slices.Equal(a, b) }

func TestReadBundleMangled(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	keys := keysOf(t, key)
	data := testBundle(t, key, 2, "phrases-set-01")
	if _, err := readBundle(data, keys); err != nil {
		t.Fatal(err)
	}
	for i := range data {
		_, err := readBundle(mangle(data, i), keys)
		if got := errKind(err); got == "nil" || got[0] == 'u' {
			t.Fatalf("byte %d changed: error %s", i, got)
		}
	}
	for n := range len(data) {
		_, err := readBundle(data[:n], keys)
		if got, want := errKind(err), "Format"; got != want {
			t.Fatalf("truncated to %d bytes: error %s (%v), want %s", n, got, err, want)
		}
	}
	_, err := readBundle(append(bytes.Clone(data), 0), keys)
	if got, want := errKind(err), "Format"; got != want {
		t.Errorf("padded: error %s, want %s", got, want)
	}
}

// record appends one bundle record.
func record(b []byte, name string, data []byte) []byte {
	b = binary.BigEndian.AppendUint16(b, uint16(len(name)))
	b = append(b, name...)
	b = binary.BigEndian.AppendUint64(b, uint64(len(data)))
	return append(b, data...)
}

func TestReadBundleRejects(t *testing.T) {
	key := newKey(t, "firstline-test", 1)
	keys := keysOf(t, key)
	b := build(t, testContents(2), nil, []testKey{key}, t0)
	cat := b.Catalog.Signed()
	e0, e1 := b.Catalog.Packs[0], b.Catalog.Packs[1]
	r := openRepo(t, repoFS(b), keys, t0)
	f0 := r.Manifests[e0.ID].Files[0]
	withPack0 := func(b []byte) []byte {
		b = record(b, pack.BlobPath(e0.Manifest), repoFS(build(t, testContents(2), nil, []testKey{key}, t0))[pack.BlobPath(e0.Manifest)].Data)
		for _, f := range r.Manifests[e0.ID].Files {
			b = record(b, pack.BlobPath(f.SHA256), b0(t, key, f.SHA256))
		}
		return b
	}
	start := record([]byte(pack.BundleMagic), "catalog", cat)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"good", record(withPack0(bytes.Clone(start)), "end", nil), "nil"},
		{"no end", withPack0(bytes.Clone(start)), "Format"},
		{"bad magic", append([]byte("FLPACK2\n"), start[8:]...), "Format"},
		{"no packs", record(bytes.Clone(start), "end", nil), "Format"},
		{"catalog not first", record(record([]byte(pack.BundleMagic), pack.BlobPath(e0.Manifest), nil), "catalog", cat), "Format"},
		{"unknown record", record(record(bytes.Clone(start), "notes", nil), "end", nil), "Format"},
		{"duplicate record", record(record(withPack0(bytes.Clone(start)), pack.BlobPath(f0.SHA256), nil), "end", nil), "Format"},
		{"stray blob", record(record(withPack0(bytes.Clone(start)), pack.BlobPath(pack.Hash([]byte("x"))), []byte("x")), "end", nil), "Format"},
		{"missing file", record(record(bytes.Clone(start), pack.BlobPath(e0.Manifest), repoFS(b)[pack.BlobPath(e0.Manifest)].Data), "end", nil), "Missing"},
		{"wrong blob size", record(record(record(bytes.Clone(start), pack.BlobPath(e1.Manifest), repoFS(b)[pack.BlobPath(e1.Manifest)].Data), pack.BlobPath(f0.SHA256), []byte("x")), "end", nil), "Missing"},
		{"huge record length", append(binary.BigEndian.AppendUint64(append(binary.BigEndian.AppendUint16([]byte(pack.BundleMagic), 7), "catalog"...), 1<<62), cat...), "Format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBundle(tt.data, keys)
			if got := errKind(err); got != tt.want {
				t.Errorf("error %s (%v), want %s", got, err, tt.want)
			}
		})
	}

	// Limits are checked before reading.
	_, err := pack.ReadBundle(bytes.NewReader(nil), pack.MaxBundleSize+1, keys, nil, t0)
	if got, want := errKind(err), "Limit"; got != want {
		t.Errorf("oversized: error %s, want %s", got, want)
	}
	many := bytes.Clone(start)
	for i := range pack.MaxBundleRecords {
		many = record(many, pack.BlobPath(pack.Hash(binary.BigEndian.AppendUint32(nil, uint32(i)))), nil)
	}
	_, err = readBundle(many, keys)
	if got, want := errKind(err), "Limit"; got != want {
		t.Errorf("too many records: error %s (%v), want %s", got, err, want)
	}
}

// b0 returns the file blob with the given hash from the test repository.
func b0(t *testing.T, key testKey, h string) []byte {
	t.Helper()
	return repoFS(build(t, testContents(2), nil, []testKey{key}, t0))[pack.BlobPath(h)].Data
}
