package pack

import (
	"fmt"
	"time"
)

// CatalogFormat and ManifestFormat name the JSON formats inside the
// signed notes. A client rejects any other value: a future format gets
// a new name, and old clients refuse it rather than misread it.
const (
	CatalogFormat  = "firstline-catalog/1"
	ManifestFormat = "firstline-manifest/1"
)

// A Catalog is the one mutable file of a repository: the list of packs
// with their current versions and manifest hashes, signed.
type Catalog struct {
	Format  string         `json:"format"`
	Seq     int64          `json:"seq"`
	Issued  time.Time      `json:"issued"`
	Expires time.Time      `json:"expires"`
	Packs   []CatalogEntry `json:"packs"`
	// Retired lists packs that were removed, with their last version,
	// so that a pack added again continues above it.
	Retired []Retired `json:"retired,omitempty"`

	signed []byte // the signed note, as read or written
	text   string // its text
}

// A CatalogEntry describes one pack in a catalog.
type CatalogEntry struct {
	ID           string   `json:"id"`
	Kind         string   `json:"kind"`
	Version      int64    `json:"version"`
	Title        string   `json:"title"`
	Langs        []string `json:"langs"`
	Size         int64    `json:"size"`          // total bytes of the pack's files
	Manifest     string   `json:"manifest"`      // SHA-256 hex of the signed manifest
	ManifestSize int64    `json:"manifest_size"` // bytes of the signed manifest
}

// Retired is a removed pack's last version.
type Retired struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
}

// Signed returns the catalog's signed note: what a client stores to pass
// as prev to the next OpenCatalog.
func (c *Catalog) Signed() []byte { return c.signed }

// Entry returns the entry of the pack with the given id.
func (c *Catalog) Entry(id string) (CatalogEntry, bool) {
	for _, e := range c.Packs {
		if e.ID == id {
			return e, true
		}
	}
	return CatalogEntry{}, false
}

// OpenCatalog verifies a signed catalog and returns it.
//
// The note must carry a valid signature by one of keys; other signatures
// (by keys being rotated in or out) are ignored. If prev, the catalog the
// caller trusted last, is not nil, the sequence number must not go down,
// an equal sequence number must come with the identical text, and no
// pack's version may go down. Then, if the catalog has expired at now,
// OpenCatalog returns the catalog together with an *ExpiredError: the
// caller keeps using what it has installed but installs nothing new.
//
// Errors: *LimitError, *SignatureError, *FormatError, *SeqError,
// *VersionError, *ExpiredError.
func OpenCatalog(data []byte, keys Keys, prev *Catalog, now time.Time) (*Catalog, error) {
	text, err := openNote("catalog", data, keys, MaxCatalogSize)
	if err != nil {
		return nil, err
	}
	c, err := decodeCatalog(text)
	if err != nil {
		return nil, err
	}
	c.signed = append([]byte(nil), data...)
	c.text = text
	if prev != nil {
		if err := checkSuccessor(prev, c); err != nil {
			return nil, err
		}
	}
	if !now.Before(c.Expires) {
		return c, &ExpiredError{Expires: c.Expires, Now: now}
	}
	return c, nil
}

// checkSuccessor checks that c may replace prev.
func checkSuccessor(prev, c *Catalog) error {
	if c.Seq < prev.Seq || c.Seq == prev.Seq && c.text != prev.text {
		return &SeqError{Have: prev.Seq, Got: c.Seq}
	}
	active := make(map[string]int64, len(c.Packs))
	for _, e := range c.Packs {
		active[e.ID] = e.Version
	}
	retired := make(map[string]int64, len(c.Retired))
	for _, r := range c.Retired {
		retired[r.ID] = r.Version
	}
	for _, e := range prev.Packs {
		if v, ok := active[e.ID]; ok && v < e.Version {
			return &VersionError{ID: e.ID, Have: e.Version, Got: v}
		}
		if v, ok := retired[e.ID]; ok && v < e.Version {
			return &VersionError{ID: e.ID, Have: e.Version, Got: v}
		}
	}
	for _, r := range prev.Retired {
		// A pack that comes back must come back above its last version:
		// a device may still hold that version.
		if v, ok := active[r.ID]; ok && v <= r.Version {
			return &VersionError{ID: r.ID, Have: r.Version, Got: v}
		}
		if v, ok := retired[r.ID]; ok && v < r.Version {
			return &VersionError{ID: r.ID, Have: r.Version, Got: v}
		}
	}
	return nil
}

func (c *Catalog) validate() error {
	const doc = "catalog"
	bad := func(format string, args ...any) error {
		return &FormatError{Doc: doc, Err: fmt.Errorf(format, args...)}
	}
	if c.Format != CatalogFormat {
		return bad("format %q, want %q", c.Format, CatalogFormat)
	}
	if c.Seq < 1 {
		return bad("seq %d < 1", c.Seq)
	}
	if c.Issued.IsZero() || c.Expires.IsZero() || !c.Expires.After(c.Issued) {
		return bad("issued %v, expires %v: want expires after issued", c.Issued, c.Expires)
	}
	if n := len(c.Packs) + len(c.Retired); n > MaxPacks {
		return &LimitError{Doc: doc, What: "packs", Limit: MaxPacks, Got: int64(n)}
	}
	seen := make(map[string]bool, len(c.Packs)+len(c.Retired))
	for _, e := range c.Packs {
		if err := checkMeta(doc, e.ID, e.Kind, e.Title, e.Langs); err != nil {
			return err
		}
		if seen[e.ID] {
			return bad("pack %s listed twice", e.ID)
		}
		seen[e.ID] = true
		if e.Version < 1 {
			return bad("pack %s: version %d < 1", e.ID, e.Version)
		}
		if e.Size < 0 || e.Size > MaxPackSize {
			return &LimitError{Doc: "pack " + e.ID, What: "size", Limit: MaxPackSize, Got: e.Size}
		}
		if !validHash(e.Manifest) {
			return bad("pack %s: bad manifest hash %q", e.ID, e.Manifest)
		}
		if e.ManifestSize < 1 || e.ManifestSize > MaxManifestSize {
			return &LimitError{Doc: "pack " + e.ID, What: "manifest size", Limit: MaxManifestSize, Got: e.ManifestSize}
		}
	}
	for _, r := range c.Retired {
		if !validToken(r.ID, MaxIDLen) {
			return bad("bad retired pack id %q", r.ID)
		}
		if seen[r.ID] {
			return bad("pack %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Version < 1 {
			return bad("retired pack %s: version %d < 1", r.ID, r.Version)
		}
	}
	return nil
}

// decodeCatalog decodes and validates a catalog's note text (whose
// signature the caller has dealt with).
func decodeCatalog(text string) (*Catalog, error) {
	c := new(Catalog)
	if err := decodeText("catalog", text, c); err != nil {
		return nil, err
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}
