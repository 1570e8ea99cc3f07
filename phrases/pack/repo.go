package pack

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"
)

// A Repo is a verified repository: its catalog and the manifests of all
// its packs, by pack id.
type Repo struct {
	Catalog   *Catalog
	Manifests map[string]*Manifest
}

// OpenRepo reads and verifies the catalog of the repository fsys and the
// manifest of every pack it lists (see OpenCatalog and OpenManifest). It
// does not read the files' blobs: see CheckBlobs. As with OpenCatalog, an
// expired catalog gives a Repo and an *ExpiredError. A repository without
// a catalog gives an error wrapping fs.ErrNotExist.
func OpenRepo(fsys fs.FS, keys Keys, prev *Catalog, now time.Time) (*Repo, error) {
	data, err := readLimited(fsys, CatalogPath, MaxCatalogSize)
	if err != nil {
		return nil, err
	}
	c, err := OpenCatalog(data, keys, prev, now)
	var expired *ExpiredError
	if err != nil && !errors.As(err, &expired) {
		return nil, err
	}
	r := &Repo{Catalog: c, Manifests: make(map[string]*Manifest, len(c.Packs))}
	for _, e := range c.Packs {
		data, err := readLimited(fsys, BlobPath(e.Manifest), MaxManifestSize)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &MissingError{Pack: packLabel(e.ID, e.Version), Name: "manifest", Hash: e.Manifest}
		}
		if err != nil {
			return nil, err
		}
		m, err := OpenManifest(data, keys, e)
		if err != nil {
			return nil, err
		}
		r.Manifests[e.ID] = m
	}
	if expired != nil {
		return r, expired
	}
	return r, nil
}

// CheckBlobs reads every file blob of every pack of r from fsys and
// checks its size and SHA-256.
func (r *Repo) CheckBlobs(fsys fs.FS) error {
	done := make(map[string]bool)
	for _, e := range r.Catalog.Packs {
		for _, f := range r.Manifests[e.ID].Files {
			if done[f.SHA256] {
				continue
			}
			if err := checkBlob(fsys, f); err != nil {
				return err
			}
			done[f.SHA256] = true
		}
	}
	return nil
}

func checkBlob(fsys fs.FS, f ManifestFile) error {
	file, err := openBlob(fsys, f)
	if err != nil {
		return err
	}
	defer file.Close()
	c := NewFileChecker(f)
	if _, err := io.Copy(c, file); err != nil {
		return err
	}
	return c.Check()
}

// readLimited reads a whole file of at most max bytes.
func readLimited(fsys fs.FS, name string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, &LimitError{Doc: name, What: "size", Limit: max, Got: int64(len(data))}
	}
	return data, nil
}

// openBlob opens the blob of f in a repository, a *MissingError when the
// repository lacks it.
func openBlob(fsys fs.FS, f ManifestFile) (fs.File, error) {
	file, err := fsys.Open(BlobPath(f.SHA256))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &MissingError{Pack: f.pack, Name: f.Name, Hash: f.SHA256}
	}
	return file, err
}
