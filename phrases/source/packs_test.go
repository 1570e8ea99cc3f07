package source

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/firstline/firstline/phrases"
	"github.com/firstline/firstline/phrases/pack"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

const goldenDir = "../testdata/golden"

// The sample's packs are compared byte for byte with testdata/golden:
// one file per pack file, and an index of the packs.
func TestPacksGolden(t *testing.T) {
	contents, err := Packs(mustLoad(t, sampleDir))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{"index.txt": index(contents)}
	for _, c := range contents {
		for _, f := range c.Files {
			if f.Type == "application/json" {
				got[c.ID+"."+strings.ReplaceAll(f.Name, "/", "_")] = f.Data
			}
		}
	}
	if *update {
		os.RemoveAll(goldenDir)
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			if err := os.WriteFile(filepath.Join(goldenDir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(got) {
		t.Errorf("%d golden files, %d outputs (run go test -update)", len(entries), len(got))
	}
	for name, data := range got {
		want, err := os.ReadFile(filepath.Join(goldenDir, name))
		if err != nil {
			t.Errorf("%s: %v (run go test -update)", name, err)
			continue
		}
		if !bytes.Equal(data, want) {
			t.Errorf("%s differs from golden (run go test -update and review the diff):\n%s", name, data)
		}
	}
}

func index(contents []pack.Content) []byte {
	var b bytes.Buffer
	for _, c := range contents {
		fmt.Fprintf(&b, "%s kind=%s langs=%v title=%q\n", c.ID, c.Kind, c.Langs, c.Title)
		for _, f := range c.Files {
			fmt.Fprintf(&b, "\t%s %s %d bytes\n", f.Name, f.Type, len(f.Data))
		}
	}
	return b.Bytes()
}

func TestPacksDeterministicAndValid(t *testing.T) {
	a, err := Packs(mustLoad(t, sampleDir))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Packs(mustLoad(t, copySample(t)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(index(a), index(b)) {
		t.Fatalf("two builds differ:\n%s\n%s", index(a), index(b))
	}
	for i := range a {
		for j := range a[i].Files {
			if !bytes.Equal(a[i].Files[j].Data, b[i].Files[j].Data) {
				t.Errorf("%s %s differs between two builds", a[i].ID, a[i].Files[j].Name)
			}
		}
	}
	dirs := map[string]string{}
	for _, c := range a {
		data := c.Files[0].Data
		switch c.Kind {
		case phrases.KindPhrases:
			p, err := phrases.DecodePhrasePack(data)
			if err != nil {
				t.Fatalf("%s: %v", c.ID, err)
			}
			dirs[p.Lang] = p.Dir
		case phrases.KindGuide:
			_, err = phrases.DecodeGuide(data)
		case phrases.KindRegion:
			_, err = phrases.DecodeRegion(data)
		}
		if err != nil {
			t.Errorf("%s: %v", c.ID, err)
		}
	}
	want := map[string]string{"en": "ltr", "fr": "ltr", "ru": "ltr", "ar": "rtl"}
	for l, d := range want {
		if dirs[l] != d {
			t.Errorf("dir of %s: got %q, want %q", l, dirs[l], d)
		}
	}
}

// An untranslated phrase is left out, and so is a choice whose answers
// are not all translated.
func TestPacksLeaveOutUntranslated(t *testing.T) {
	dir := copySample(t)
	edit(t, dir, setDir+"active.ru.toml", "[need-water]", "[need-water__translit]")
	contents, err := Packs(mustLoad(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range contents {
		if c.ID != "phrases-sample-ru" {
			continue
		}
		p, err := phrases.DecodePhrasePack(c.Files[0].Data)
		if err != nil {
			t.Fatal(err)
		}
		for _, ph := range p.Phrases {
			if ph.ID == "need-water" || ph.ID == "need" {
				t.Errorf("pack has %q, which should be left out", ph.ID)
			}
		}
		return
	}
	t.Fatal("no phrases-sample-ru pack")
}

func TestPacksRefusesErrors(t *testing.T) {
	dir := copySample(t)
	edit(t, dir, setDir+"active.fr.toml", `other = "Oui"`, `other = ""`)
	_, err := Packs(mustLoad(t, dir))
	if err == nil || !strings.Contains(err.Error(), `"yes": empty text`) {
		t.Errorf("got %v, want an error naming the empty text", err)
	}
}

func BenchmarkLoadAndPacks(b *testing.B) {
	for _, dir := range []string{sampleDir, "../content"} {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			for b.Loop() {
				s, err := Load(dir)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Packs(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
