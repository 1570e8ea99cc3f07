package app

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/firstline/firstline/phrases/pack"
)

// packSource is where a pack's bytes come from: the server (netSource) or a
// side-loaded bundle (bundleSource). The installer verifies whatever a
// source gives, as if it came from an attacker.
type packSource interface {
	manifest(ctx context.Context, e pack.CatalogEntry) ([]byte, error)
	file(ctx context.Context, f pack.ManifestFile, progress func(int64)) ([]byte, error)
}

// adopt makes a verified catalog the trusted one (the prev of the next
// OpenCatalog, so that seq and versions never go down), in one index
// write. The caller holds s.op.
func (s *store) adopt(cat *pack.Catalog, etag string) error {
	ix := s.snapshot()
	ix.Catalog = string(cat.Signed())
	ix.ETag = etag
	ix.Verified = s.now()
	if err := s.commit(ix); err != nil {
		return err
	}
	s.mu.Lock()
	s.cat = cat
	s.mu.Unlock()
	return nil
}

// install installs the pack of a verified catalog entry from src:
//
//  1. the manifest, verified against the entry (pack.OpenManifest);
//  2. each file, taken from Cache Storage if a good copy is already there
//     (shared, or left by an interrupted install), else from src; every
//     file checked (pack.CheckFile) and put into Cache Storage;
//  3. pack.json decoded, so a pack the screens cannot read is refused;
//  4. one index write switches the pack to the new version.
//
// Until step 4 the old version stays in use; blobs written before a
// failure or a crash are removed by the next cleanup. The caller holds
// s.op.
func (s *store) install(ctx context.Context, e pack.CatalogEntry, src packSource, progress func(int64)) error {
	s.mu.RLock()
	have := s.ix.Packs[e.ID]
	_, ok := s.loaded[e.ID]
	s.mu.RUnlock()
	if have != nil {
		if e.Version < have.Version {
			return &pack.VersionError{ID: e.ID, Have: have.Version, Got: e.Version}
		}
		if e.Manifest == have.Manifest && ok {
			return nil
		}
	}
	mdata, err := src.manifest(ctx, e)
	if err != nil {
		return err
	}
	m, err := pack.OpenManifest(mdata, s.keys, e)
	if err != nil {
		return err
	}
	lp := &loadedPack{audio: map[string]string{}}
	for _, f := range m.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, ok, err := s.b.CacheGet(blobKey(f.SHA256))
		if err != nil {
			return err
		}
		if ok && pack.CheckFile(f, data) == nil {
			progress(f.Size)
		} else {
			if data, err = src.file(ctx, f, progress); err != nil {
				return err
			}
			if err := pack.CheckFile(f, data); err != nil {
				return err
			}
			if err := s.b.CachePut(blobKey(f.SHA256), data, f.Type); err != nil {
				return err
			}
		}
		switch {
		case f.Name == "pack.json":
			if err := lp.decode(m.Kind, data); err != nil {
				return &pack.FormatError{Doc: "pack " + e.ID, Err: err}
			}
		case strings.HasPrefix(f.Type, "audio/"):
			lp.audio[f.Name] = s.b.ObjectURL(data, f.Type)
		}
	}
	ix := s.snapshot()
	ix.Packs[e.ID] = &installed{
		ID: m.ID, Kind: m.Kind, Title: m.Title, Langs: m.Langs, Version: m.Version,
		Manifest: e.Manifest, Files: m.Files, Installed: s.now(),
	}
	if err := s.commit(ix); err != nil {
		return err
	}
	s.mu.Lock()
	s.loaded[e.ID] = lp
	delete(s.broken, e.ID)
	s.mu.Unlock()
	return nil
}

// bundleSource reads a verified bundle (pack.ReadBundle); the installer
// checks every file again as it copies it.
type bundleSource struct{ b *pack.Bundle }

func (b bundleSource) manifest(_ context.Context, e pack.CatalogEntry) ([]byte, error) {
	m := b.b.Manifests[e.ID]
	if m == nil {
		return nil, &pack.MissingError{Pack: e.ID, Name: "manifest", Hash: e.Manifest}
	}
	return m.Signed(), nil
}

func (b bundleSource) file(_ context.Context, f pack.ManifestFile, progress func(int64)) ([]byte, error) {
	data, err := b.b.ReadFile(f)
	if err == nil {
		progress(f.Size)
	}
	return data, err
}

// importBundle verifies a side-loaded .flpack exactly like a download
// (pack.ReadBundle against the trusted catalog: signatures, seq, versions,
// every blob) and, only if all of it is good, adopts its catalog and
// installs its packs. A bad bundle changes nothing.
func (s *store) importBundle(ctx context.Context, data []byte, progress func(int64)) ([]string, error) {
	s.op.Lock()
	defer s.op.Unlock()
	b, err := pack.ReadBundle(bytes.NewReader(data), int64(len(data)), s.keys, s.catalog(), s.now())
	if err != nil {
		// An expired bundle is refused like an expired catalog.
		return nil, err
	}
	var need int64
	for _, e := range b.Packs() {
		need += e.Size
	}
	if err := s.checkSpace(need); err != nil {
		return nil, err
	}
	if err := s.adopt(b.Catalog, ""); err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range b.Packs() {
		if err := s.install(ctx, e, bundleSource{b}, progress); err != nil {
			s.cleanup()
			return ids, err
		}
		ids = append(ids, e.ID)
	}
	return ids, s.cleanup()
}

// checkSpace fails with errQuota when the browser says need bytes will
// not fit.
func (s *store) checkSpace(need int64) error {
	usage, quota, ok := s.b.StorageEstimate()
	if ok && quota-usage < need {
		return fmt.Errorf("%w: %d bytes needed, %d free", errQuota, need, quota-usage)
	}
	return nil
}
