//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"
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
}

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
	sum := sha256.Sum256(b)
	h := w.Header()
	h.Set("Cache-Control", cacheControl)
	h.Set("Content-Type", ctype)
	h.Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
	// ServeContent answers If-None-Match (304), Range (206) and HEAD.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(b))
}
