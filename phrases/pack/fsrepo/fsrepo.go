// Package fsrepo keeps a pack repository (see package pack) in a
// directory: it builds into it and bundles out of it. It is the only
// part of the pack protocol that touches the file system, so that the
// app (wasm) can import package pack without os.
//
// Writes are all-or-nothing: new blobs and the new catalog are written
// into a temporary directory inside the repository first, then renamed
// into place, the catalog last. If anything fails, the blobs already
// moved are removed again and the repository is as it was. A reader (a
// static server) sees either the old catalog or the new one, and both
// only refer to blobs that are present.
package fsrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"golang.org/x/mod/sumdb/note"
)

// Open opens and verifies the repository in dir (catalog and manifests;
// see pack.OpenRepo). It returns (nil, nil) if dir holds no catalog yet.
// An expired catalog gives the repository and a *pack.ExpiredError.
func Open(dir string, keys pack.Keys, now time.Time) (*pack.Repo, error) {
	r, err := pack.OpenRepo(os.DirFS(dir), keys, nil, now)
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := os.Stat(filepath.Join(dir, pack.CatalogPath)); errors.Is(serr, fs.ErrNotExist) {
			return nil, nil
		}
	}
	return r, err
}

// Build builds contents into the repository in dir, continuing from the
// catalog there, which must verify with keys (give the public keys of
// the signers: a repository signed by some other key is not silently
// taken over). It writes nothing when nothing changed.
func Build(dir string, contents []pack.Content, signers []note.Signer, keys pack.Keys, now time.Time, validity time.Duration) (*pack.Built, error) {
	prev, err := Open(dir, keys, now)
	var expired *pack.ExpiredError
	if err != nil && !errors.As(err, &expired) {
		return nil, fmt.Errorf("previous repository %s: %w", dir, err)
	}
	b, err := pack.Build(contents, prev, signers, now, validity)
	if err != nil {
		return nil, err
	}
	if err := Write(dir, b); err != nil {
		return nil, err
	}
	return b, nil
}

// rename is os.Rename; tests replace it to fail on purpose.
var rename = os.Rename

// Write writes a build into the repository in dir: the blobs it lacks,
// then the catalog. On error the repository is left as it was.
func Write(dir string, b *pack.Built) (err error) {
	if !b.Changed {
		return nil
	}
	var created []string // directories made here, removed again on error
	defer func() {
		if err != nil {
			for i := len(created) - 1; i >= 0; i-- {
				os.Remove(created[i])
			}
		}
	}()
	for _, d := range []string{dir, filepath.Join(dir, "blobs")} {
		if _, serr := os.Stat(d); errors.Is(serr, fs.ErrNotExist) {
			if err := os.Mkdir(d, 0o755); err != nil {
				return err
			}
			created = append(created, d)
		}
	}
	tmp, err := os.MkdirTemp(dir, ".build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	// Stage the blobs the repository lacks (or holds corrupted).
	var staged []string
	for h, data := range b.Blobs {
		if have, err := os.ReadFile(filepath.Join(dir, "blobs", h)); err == nil && bytes.Equal(have, data) {
			continue
		}
		if err := writeFile(filepath.Join(tmp, h), data); err != nil {
			return err
		}
		staged = append(staged, h)
	}
	if err := writeFile(filepath.Join(tmp, pack.CatalogPath), b.Catalog.Signed()); err != nil {
		return err
	}

	var moved []string
	defer func() {
		if err != nil {
			for _, p := range moved {
				os.Remove(p)
			}
		}
	}()
	for _, h := range staged {
		dst := filepath.Join(dir, "blobs", h)
		if err := rename(filepath.Join(tmp, h), dst); err != nil {
			return err
		}
		moved = append(moved, dst)
	}
	syncDir(filepath.Join(dir, "blobs"))
	if err := rename(filepath.Join(tmp, pack.CatalogPath), filepath.Join(dir, pack.CatalogPath)); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// writeFile writes and syncs a new file, so that a crash after the
// rename never leaves a catalog that names a blob still in the cache.
func writeFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// WriteBundle writes the packs ids of the repository in dir into the
// bundle file out, through a temporary file renamed into place: out is
// either the complete bundle or untouched.
func WriteBundle(dir string, ids []string, out string) (err error) {
	f, err := os.CreateTemp(filepath.Dir(out), ".bundle-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := pack.WriteBundle(f, os.DirFS(dir), ids); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return rename(f.Name(), out)
}

// ReadBundle opens and verifies the bundle file name (see
// pack.ReadBundle). Close the returned file when done with the Bundle.
func ReadBundle(name string, keys pack.Keys, prev *pack.Catalog, now time.Time) (*pack.Bundle, *os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	b, err := pack.ReadBundle(f, st.Size(), keys, prev, now)
	if b == nil {
		f.Close()
		return nil, nil, err
	}
	return b, f, err
}
