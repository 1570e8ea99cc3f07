package pack

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
)

// A Change says what a build did to a pack.
type Change int

const (
	Unchanged Change = iota // same files and description: same version and manifest
	Added                   // new pack, version 1 (or above a retired version)
	Updated                 // changed: version + 1
	Resigned                // same content and version, manifest signed anew (key rotation)
	Removed                 // dropped from the catalog, kept in its retired list
)

func (c Change) String() string {
	switch c {
	case Unchanged:
		return "unchanged"
	case Added:
		return "added"
	case Updated:
		return "updated"
	case Resigned:
		return "re-signed"
	case Removed:
		return "removed"
	}
	return fmt.Sprintf("Change(%d)", int(c))
}

// A PackResult is one pack's outcome of a build.
type PackResult struct {
	ID      string
	Version int64
	Change  Change
	Files   int
	Size    int64
}

// A Built is the result of Build: what to write into the repository.
type Built struct {
	// Changed is false when the build changed nothing: the catalog is
	// the previous one and nothing needs writing.
	Changed bool
	Catalog *Catalog
	// Blobs holds every blob the catalog refers to (manifests and
	// files), by SHA-256 hex. Blobs are immutable: a writer skips the
	// ones the repository already has.
	Blobs map[string][]byte
	Packs []PackResult // by id
}

// Build turns contents into a signed repository state, continuing from
// prev (nil for a new repository; see OpenRepo).
//
// A pack whose description and files did not change keeps its version
// and its manifest blob, byte for byte (ed25519 signatures are
// deterministic, so re-signing the same text gives the same note). A
// changed pack gets its previous version + 1. A pack no longer in
// contents moves to the catalog's retired list, so it can come back
// later above the version devices may hold. The catalog gets seq + 1
// and a new validity period when anything changed, including the set of
// signers, or when less than half of validity is left on it; otherwise
// Built.Changed is false and nothing needs writing.
//
// Every note is signed by all signers: pass the new key and the old one
// during a key rotation.
func Build(contents []Content, prev *Repo, signers []note.Signer, now time.Time, validity time.Duration) (*Built, error) {
	if len(signers) == 0 {
		return nil, errors.New("build: no signer")
	}
	if validity <= 0 {
		return nil, fmt.Errorf("build: validity %v not positive", validity)
	}
	contents = slices.Clone(contents)
	slices.SortFunc(contents, func(a, b Content) int { return strings.Compare(a.ID, b.ID) })
	for i, c := range contents {
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		if i > 0 && contents[i-1].ID == c.ID {
			return nil, fmt.Errorf("build: pack %s given twice", c.ID)
		}
	}
	if len(contents) > MaxPacks {
		return nil, fmt.Errorf("build: %d packs, over the limit %d", len(contents), MaxPacks)
	}

	var prevCat *Catalog
	prevRetired := map[string]int64{}
	if prev != nil {
		prevCat = prev.Catalog
		for _, r := range prevCat.Retired {
			prevRetired[r.ID] = r.Version
		}
	}

	b := &Built{Blobs: make(map[string][]byte)}
	cat := &Catalog{Format: CatalogFormat}
	inContents := make(map[string]bool, len(contents))
	for _, c := range contents {
		inContents[c.ID] = true
		m := &Manifest{
			Format: ManifestFormat, ID: c.ID, Kind: c.Kind, Title: c.Title,
			Langs: slices.Clone(c.Langs),
		}
		if m.Langs == nil {
			m.Langs = []string{}
		}
		m.Files = make([]ManifestFile, 0, len(c.Files))
		for _, f := range c.Files {
			h := Hash(f.Data)
			b.Blobs[h] = f.Data
			m.Files = append(m.Files, ManifestFile{Name: f.Name, Type: f.Type, SHA256: h, Size: int64(len(f.Data))})
		}
		slices.SortFunc(m.Files, func(a, b ManifestFile) int { return strings.Compare(a.Name, b.Name) })

		res := PackResult{ID: c.ID, Files: len(m.Files), Size: m.Size()}
		var old *Manifest
		if prev != nil {
			old = prev.Manifests[c.ID]
		}
		var signed []byte
		switch {
		case old != nil:
			m.Version = old.Version
			text, err := encodeText(m)
			if err != nil {
				return nil, err
			}
			if string(text) == old.text {
				if signed, err = signNote(text, signers); err != nil {
					return nil, err
				}
				res.Change = Unchanged
				if !bytes.Equal(signed, old.signed) {
					res.Change = Resigned
				}
				break
			}
			m.Version++
			res.Change = Updated
		default:
			m.Version = prevRetired[c.ID] + 1
			res.Change = Added
		}
		if signed == nil {
			var err error
			if _, signed, err = encodeAndSign(m, signers); err != nil {
				return nil, err
			}
		}
		if len(signed) > MaxManifestSize {
			return nil, &LimitError{Doc: "manifest " + c.ID, What: "size", Limit: MaxManifestSize, Got: int64(len(signed))}
		}
		res.Version = m.Version
		mh := Hash(signed)
		b.Blobs[mh] = signed
		b.Packs = append(b.Packs, res)
		cat.Packs = append(cat.Packs, CatalogEntry{
			ID: c.ID, Kind: c.Kind, Version: m.Version, Title: c.Title, Langs: m.Langs,
			Size: m.Size(), Manifest: mh, ManifestSize: int64(len(signed)),
		})
	}

	// Retired: the previous retired packs not added back, and the
	// previous packs no longer given.
	if prevCat != nil {
		for _, r := range prevCat.Retired {
			if !inContents[r.ID] {
				cat.Retired = append(cat.Retired, r)
			}
		}
		for _, e := range prevCat.Packs {
			if !inContents[e.ID] {
				cat.Retired = append(cat.Retired, Retired{ID: e.ID, Version: e.Version})
				b.Packs = append(b.Packs, PackResult{ID: e.ID, Version: e.Version, Change: Removed})
			}
		}
		slices.SortFunc(cat.Retired, func(a, b Retired) int { return strings.Compare(a.ID, b.ID) })
		slices.SortFunc(b.Packs, func(a, b PackResult) int { return strings.Compare(a.ID, b.ID) })
	}
	if n := len(cat.Packs) + len(cat.Retired); n > MaxPacks {
		return nil, &LimitError{Doc: "catalog", What: "packs", Limit: MaxPacks, Got: int64(n)}
	}

	// Same catalog as before, signed by the same keys, and not about to
	// expire: nothing to do.
	if prevCat != nil {
		cat.Seq, cat.Issued, cat.Expires = prevCat.Seq, prevCat.Issued, prevCat.Expires
		_, signed, err := encodeAndSign(cat, signers)
		if err != nil {
			return nil, err
		}
		if bytes.Equal(signed, prevCat.signed) && prevCat.Expires.Sub(now) >= validity/2 {
			b.Catalog = prevCat
			return b, nil
		}
	}

	now = now.UTC().Truncate(time.Second)
	cat.Seq = 1
	if prevCat != nil {
		cat.Seq = prevCat.Seq + 1
	}
	cat.Issued, cat.Expires = now, now.Add(validity)
	text, signed, err := encodeAndSign(cat, signers)
	if err != nil {
		return nil, err
	}
	if len(signed) > MaxCatalogSize {
		return nil, &LimitError{Doc: "catalog", What: "size", Limit: MaxCatalogSize, Got: int64(len(signed))}
	}
	cat.signed, cat.text = signed, string(text)
	if err := cat.validate(); err != nil {
		return nil, err
	}
	b.Catalog = cat
	b.Changed = true
	return b, nil
}
