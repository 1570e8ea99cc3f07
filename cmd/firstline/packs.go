//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/firstline/firstline/phrases/pack"
)

// PacksPrefix is where the server publishes its pack repository.
const PacksPrefix = "/packs/"

// maxBlobPath bounds the one path shape we accept: blobs/<64 hex>.
const blobHexLen = 64

// packRepo serves a static pack repository (see package pack): the one
// mutable file, the catalog, is revalidated on every request (a 304 when
// nothing changed); content-addressed blobs are immutable and support
// Range, so an interrupted download resumes.
type packRepo struct {
	fsys fs.FS
	gz   *gzipCache
}

func newPackRepo(fsys fs.FS) packRepo { return packRepo{fsys: fsys, gz: newGzipCache()} }

func (p packRepo) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, PacksPrefix)
	switch {
	case name == pack.CatalogPath:
		p.serveFile(w, r, name, "no-cache", "text/plain; charset=utf-8")
	case strings.HasPrefix(name, "blobs/") && validHex(strings.TrimPrefix(name, "blobs/")):
		p.serveFile(w, r, name, "public, max-age=31536000, immutable", "application/octet-stream")
	default:
		http.NotFound(w, r)
	}
}

func validHex(s string) bool {
	if len(s) != blobHexLen {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

func (p packRepo) serveFile(w http.ResponseWriter, r *http.Request, name, cacheControl, ctype string) {
	b, err := fs.ReadFile(p.fsys, path.Clean(name))
	if errors.Is(err, fs.ErrNotExist) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		http.Error(w, "reading the pack repository failed", http.StatusInternalServerError)
		return
	}
	// A blob is named by its SHA-256: its ETag needs no hashing (hashing
	// every response cost a quarter of the server's time under load).
	var etag string
	if hexName, ok := strings.CutPrefix(name, "blobs/"); ok {
		etag = `"` + hexName[:32] + `"`
	} else {
		sum := sha256.Sum256(b)
		etag = `"` + hex.EncodeToString(sum[:16]) + `"`
	}
	h := w.Header()
	h.Set("Cache-Control", cacheControl)
	h.Set("Content-Type", ctype)
	h.Set("Vary", "Accept-Encoding")
	// Pack texts shrink 5-8x with gzip. A resumed download (Range) gets the
	// identity bytes, so its offsets mean what the manifest means.
	if r.Header.Get("Range") == "" && negotiate(r.Header.Get("Accept-Encoding"), map[string][]byte{"gzip": nil}) == "gzip" {
		if gz := p.gz.get(etag, b); gz != nil {
			h.Set("Content-Encoding", "gzip")
			h.Set("ETag", strings.TrimSuffix(etag, `"`)+`-gzip"`)
			if etagMatches(r.Header.Get("If-None-Match"), h.Get("ETag")) {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			h.Set("Content-Length", strconv.Itoa(len(gz)))
			if r.Method != http.MethodHead {
				w.Write(gz)
			}
			return
		}
	}
	h.Set("ETag", etag)
	// ServeContent answers If-None-Match (304), Range (206) and HEAD.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(b))
}

// gzipCache keeps the gzip copies of served files by ETag, up to a bound;
// a file that does not shrink by a tenth (audio) is served as it is.
type gzipCache struct {
	mu    sync.Mutex
	files map[string][]byte // nil value: not worth compressing
	size  int
}

const gzipCacheMax = 64 << 20

func newGzipCache() *gzipCache { return &gzipCache{files: map[string][]byte{}} }

func (c *gzipCache) get(etag string, data []byte) []byte {
	c.mu.Lock()
	gz, ok := c.files[etag]
	c.mu.Unlock()
	if ok {
		return gz
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	if buf.Len() > len(data)*9/10 {
		gz = nil
	} else {
		gz = buf.Bytes()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.size+len(gz) > gzipCacheMax {
		clear(c.files)
		c.size = 0
	}
	c.files[etag] = gz
	c.size += len(gz)
	return gz
}
