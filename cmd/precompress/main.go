// Command precompress writes brotli (.br) and gzip (.gz) copies of files at
// the highest levels, once at build time, so the server never compresses
// per request. A copy is skipped when it is newer than its source.
//
//	go run ./cmd/precompress web/app.wasm
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"

	"github.com/andybalholm/brotli"
)

func main() {
	for _, path := range os.Args[1:] {
		if err := compress(path); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

func compress(path string) error {
	src, err := os.Stat(path)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, enc := range []struct {
		ext string
		fn  func([]byte) ([]byte, error)
	}{{".br", brotliBytes}, {".gz", gzipBytes}} {
		out := path + enc.ext
		if st, err := os.Stat(out); err == nil && !st.ModTime().Before(src.ModTime()) {
			continue
		}
		b, err := enc.fn(data)
		if err != nil {
			return fmt.Errorf("%s: %w", out, err)
		}
		tmp := out + ".tmp"
		if err := os.WriteFile(tmp, b, 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, out); err != nil {
			return err
		}
		fmt.Printf("%s: %d -> %d bytes (%.1f%%)\n", out, len(data), len(b), 100*float64(len(b))/float64(len(data)))
	}
	return nil
}

func brotliBytes(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func gzipBytes(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
