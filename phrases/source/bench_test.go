package source

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/mod/sumdb/note"
)

const defaultContent = "../content"

// BenchmarkDefaultBuild times a full build of the default content (load
// and check the sources, make the packs, sign the repository) and prints
// the size of each pack's text, raw and gzip-compressed (target: a
// language's phrase pack <= 30 KB compressed).
//
//	go test -run '^$' -bench DefaultBuild -benchtime 1x ./phrases/source
func BenchmarkDefaultBuild(b *testing.B) {
	if _, err := os.Stat(defaultContent); err != nil {
		b.Skip("no default content")
	}
	skey, _, err := note.GenerateKey(rand.Reader, "bench")
	if err != nil {
		b.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		b.Fatal(err)
	}
	var contents []pack.Content
	start := time.Now()
	for b.Loop() {
		s, err := Load(defaultContent)
		if err != nil {
			b.Fatal(err)
		}
		if r := Check(s, true); !r.OK() {
			b.Fatalf("default content does not pass pack check -strict")
		}
		if contents, err = Packs(s); err != nil {
			b.Fatal(err)
		}
		if _, err := pack.Build(contents, nil, []note.Signer{signer}, time.Now(), 30*24*time.Hour); err != nil {
			b.Fatal(err)
		}
	}
	elapsed := time.Since(start) / time.Duration(b.N)
	sort.Slice(contents, func(i, j int) bool { return contents[i].ID < contents[j].ID })
	var worst, total int
	fmt.Printf("default content: %d packs built and signed in %v\n", len(contents), elapsed.Round(time.Millisecond))
	fmt.Printf("  %-28s %9s %9s\n", "pack", "raw", "gzip")
	for _, c := range contents {
		var raw []byte
		for _, f := range c.Files {
			if f.Name == "pack.json" {
				raw = f.Data
			}
		}
		gz := gzipLen(raw)
		fmt.Printf("  %-28s %8.1fK %8.1fK\n", c.ID, float64(len(raw))/1000, float64(gz)/1000)
		if strings.HasPrefix(c.ID, "phrases-") {
			worst = max(worst, gz)
			total += gz
		}
	}
	fmt.Printf("  largest phrase pack %.1f KB gzip (target <= 30 KB); all phrase packs %.0f KB gzip\n", float64(worst)/1000, float64(total)/1000)
	b.ReportMetric(float64(worst), "max-phrase-pack-gzip-bytes")
}

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}
