//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
)

// asset is one static file held in memory, with its precompressed copies.
type asset struct {
	name  string
	ctype string
	data  []byte
	enc   map[string][]byte // "br", "gzip" -> compressed bytes
	etag  string            // strong ETag of data
}

// assetSet serves static files with strong ETags, conditional requests,
// Range, and brotli or gzip chosen by Accept-Encoding.
type assetSet map[string]*asset

// rawSizeHeader carries app.wasm's uncompressed size, so that go-app's
// loading progress (which counts decompressed bytes) stays right when the
// body is brotli or gzip.
const rawSizeHeader = "X-Uncompressed-Length"

// loadAssets reads every file of fsys into an assetSet under prefix,
// pairing name.br and name.gz with name.
func loadAssets(fsys fs.FS, prefix string) (assetSet, error) {
	set := assetSet{}
	compressed := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p == "packs" {
			return fs.SkipDir // the pack repository is served on its own
		}
		if d.IsDir() || strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".tmp") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(p, ".br"), strings.HasSuffix(p, ".gz"):
			compressed[p] = b
		default:
			set[prefix+p] = newAsset(prefix+p, b)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for p, b := range compressed {
		base, enc := strings.TrimSuffix(p, path.Ext(p)), "br"
		if strings.HasSuffix(p, ".gz") {
			enc = "gzip"
		}
		if a, ok := set[prefix+base]; ok {
			a.enc[enc] = b
		}
	}
	return set, nil
}

func newAsset(name string, data []byte) *asset {
	sum := sha256.Sum256(data)
	ctype := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".wasm":
		ctype = "application/wasm"
	case ".webmanifest":
		ctype = "application/manifest+json"
	case ".js":
		ctype = "text/javascript; charset=utf-8"
	}
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	return &asset{name: name, ctype: ctype, data: data, enc: map[string][]byte{}, etag: `"` + hex.EncodeToString(sum[:16]) + `"`}
}

// gzipSmall adds a gzip copy to text assets that lack one; they are small,
// so this costs little at start-up and saves bytes on every first load.
func (s assetSet) gzipSmall() {
	for _, a := range s {
		if _, ok := a.enc["gzip"]; ok || len(a.data) < 512 || !compressible(a.ctype) {
			continue
		}
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		w.Write(a.data)
		w.Close()
		if b.Len() < len(a.data) {
			a.enc["gzip"] = b.Bytes()
		}
	}
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") ||
		strings.Contains(ctype, "json") || strings.Contains(ctype, "svg") || strings.Contains(ctype, "wasm")
}

// version derives the app version from the content of every asset: the
// same build gives the same version on every start and every machine.
func (s assetSet) version() string {
	names := make([]string, 0, len(s))
	for n := range s {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%s\x00", n, s[n].etag)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// serve writes a with the best encoding the client accepts.
func (a *asset) serve(w http.ResponseWriter, r *http.Request, cacheControl string) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", cacheControl)
	if len(a.enc) > 0 {
		h.Add("Vary", "Accept-Encoding")
	}
	if a.ctype == "application/wasm" {
		h.Set(rawSizeHeader, fmt.Sprint(len(a.data)))
	}
	body, etag := a.data, a.etag
	if enc := negotiate(r.Header.Get("Accept-Encoding"), a.enc); enc != "" {
		body = a.enc[enc]
		etag = strings.TrimSuffix(a.etag, `"`) + "-" + enc + `"`
		h.Set("Content-Encoding", enc)
	}
	h.Set("ETag", etag)
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	// Written by hand rather than with http.ServeContent, which leaves out
	// Content-Length whenever Content-Encoding is set.
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// etagMatches reports whether an If-None-Match header lists etag (or *).
func etagMatches(header, etag string) bool {
	if header == "" || len(header) > 4096 {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}
