package pack

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
	"strings"
)

// A Manifest lists one version of a pack's files, signed.
type Manifest struct {
	Format  string         `json:"format"`
	ID      string         `json:"id"`
	Kind    string         `json:"kind"`
	Version int64          `json:"version"`
	Title   string         `json:"title"`
	Langs   []string       `json:"langs"`
	Files   []ManifestFile `json:"files"` // sorted by Name

	signed []byte
	text   string
}

// A ManifestFile is one file of a pack: its logical name and the hash
// and size of its blob.
type ManifestFile struct {
	Name   string `json:"name"`
	Type   string `json:"type"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`

	pack string // "<id> v<version>", for error messages
}

// Signed returns the manifest's signed note (the blob the catalog names).
func (m *Manifest) Signed() []byte { return m.signed }

// File returns the file with the given logical name.
func (m *Manifest) File(name string) (ManifestFile, bool) {
	for _, f := range m.Files {
		if f.Name == name {
			return f, true
		}
	}
	return ManifestFile{}, false
}

// Size returns the total size of the manifest's files.
func (m *Manifest) Size() int64 {
	var n int64
	for _, f := range m.Files {
		n += f.Size
	}
	return n
}

func packLabel(id string, version int64) string {
	return id + " v" + strconv.FormatInt(version, 10)
}

// OpenManifest verifies the signed manifest of the pack a (verified)
// catalog entry describes: its size and SHA-256 must be the entry's, its
// signature by one of keys, and it must describe the same pack (id,
// version, kind, title, languages, total size). A manifest taken from
// another pack or another version is therefore rejected.
//
// Errors: *LimitError, *SizeError, *HashError, *SignatureError,
// *FormatError, *MismatchError.
func OpenManifest(data []byte, keys Keys, entry CatalogEntry) (*Manifest, error) {
	label := packLabel(entry.ID, entry.Version)
	if len(data) > MaxManifestSize {
		return nil, &LimitError{Doc: "manifest " + label, What: "size", Limit: MaxManifestSize, Got: int64(len(data))}
	}
	if int64(len(data)) != entry.ManifestSize {
		return nil, &SizeError{Pack: label, Name: "manifest", Want: entry.ManifestSize, Got: int64(len(data))}
	}
	if got := Hash(data); got != entry.Manifest {
		return nil, &HashError{Pack: label, Name: "manifest", Want: entry.Manifest, Got: got}
	}
	m, err := parseManifest(data, keys, "manifest "+label)
	if err != nil {
		return nil, err
	}
	mismatch := func(field, want, got string) error {
		return &MismatchError{Pack: label, Field: field, Want: want, Got: got}
	}
	switch {
	case m.ID != entry.ID:
		return nil, mismatch("id", entry.ID, m.ID)
	case m.Version != entry.Version:
		return nil, mismatch("version", strconv.FormatInt(entry.Version, 10), strconv.FormatInt(m.Version, 10))
	case m.Kind != entry.Kind:
		return nil, mismatch("kind", entry.Kind, m.Kind)
	case m.Title != entry.Title:
		return nil, mismatch("title", entry.Title, m.Title)
	case !sameStrings(m.Langs, entry.Langs):
		return nil, mismatch("langs", strings.Join(entry.Langs, ","), strings.Join(m.Langs, ","))
	case m.Size() != entry.Size:
		return nil, mismatch("size", strconv.FormatInt(entry.Size, 10), strconv.FormatInt(m.Size(), 10))
	}
	return m, nil
}

// parseManifest checks the signature and the content of a manifest,
// without an entry to compare with.
func parseManifest(data []byte, keys Keys, doc string) (*Manifest, error) {
	text, err := openNote(doc, data, keys, MaxManifestSize)
	if err != nil {
		return nil, err
	}
	m, err := decodeManifest(doc, text)
	if err != nil {
		return nil, err
	}
	m.signed = append([]byte(nil), data...)
	m.text = text
	return m, nil
}

// decodeManifest decodes and validates a manifest's note text (whose
// signature the caller has dealt with) and labels its files with the pack.
func decodeManifest(doc, text string) (*Manifest, error) {
	m := new(Manifest)
	if err := decodeText(doc, text, m); err != nil {
		return nil, err
	}
	if err := m.validate(doc); err != nil {
		return nil, err
	}
	label := packLabel(m.ID, m.Version)
	for i := range m.Files {
		m.Files[i].pack = label
	}
	return m, nil
}

func (m *Manifest) validate(doc string) error {
	bad := func(format string, args ...any) error {
		return &FormatError{Doc: doc, Err: fmt.Errorf(format, args...)}
	}
	if m.Format != ManifestFormat {
		return bad("format %q, want %q", m.Format, ManifestFormat)
	}
	if err := checkMeta(doc, m.ID, m.Kind, m.Title, m.Langs); err != nil {
		return err
	}
	if m.Version < 1 {
		return bad("version %d < 1", m.Version)
	}
	if len(m.Files) > MaxFiles {
		return &LimitError{Doc: doc, What: "files", Limit: MaxFiles, Got: int64(len(m.Files))}
	}
	var total int64
	for i, f := range m.Files {
		if !validName(f.Name) {
			return bad("bad file name %q", f.Name)
		}
		// Sorted and unique: one name, one file, whatever a client's
		// lookup does.
		if i > 0 && m.Files[i-1].Name >= f.Name {
			return bad("file %q: names not sorted or not unique", f.Name)
		}
		if !validType(f.Type) {
			return bad("file %s: bad type %q", f.Name, f.Type)
		}
		if !validHash(f.SHA256) {
			return bad("file %s: bad sha256 %q", f.Name, f.SHA256)
		}
		if f.Size < 0 || f.Size > MaxFileSize {
			return &LimitError{Doc: doc + ": " + f.Name, What: "file size", Limit: MaxFileSize, Got: f.Size}
		}
		total += f.Size
	}
	if total > MaxPackSize {
		return &LimitError{Doc: doc, What: "pack size", Limit: MaxPackSize, Got: total}
	}
	return nil
}

// CheckFile checks data against a file of a verified manifest: size
// first, then SHA-256. Errors: *SizeError, *HashError.
func CheckFile(f ManifestFile, data []byte) error {
	c := NewFileChecker(f)
	c.Write(data)
	return c.Check()
}

// A FileChecker checks a file as it streams by (a download, a copy out
// of a bundle): write the data to it, then call Check. It never holds
// more than f.Size bytes' worth of state and fails fast: a Write that
// would go past f.Size returns a *SizeError, so io.Copy stops.
type FileChecker struct {
	f    ManifestFile
	h    hash.Hash
	n    int64
	over bool
}

// NewFileChecker returns a checker for f.
func NewFileChecker(f ManifestFile) *FileChecker {
	return &FileChecker{f: f, h: sha256.New()}
}

// Write hashes p. It fails with a *SizeError once the total passes the
// file's size.
func (c *FileChecker) Write(p []byte) (int, error) {
	if c.over || c.n+int64(len(p)) > c.f.Size {
		c.over = true
		c.n += int64(len(p))
		return 0, c.sizeError()
	}
	c.n += int64(len(p))
	c.h.Write(p)
	return len(p), nil
}

func (c *FileChecker) sizeError() error {
	return &SizeError{Pack: c.f.pack, Name: c.f.Name, Want: c.f.Size, Got: c.n}
}

// Check reports whether exactly the file's bytes were written.
func (c *FileChecker) Check() error {
	if c.over || c.n != c.f.Size {
		return c.sizeError()
	}
	if got := hex.EncodeToString(c.h.Sum(nil)); got != c.f.SHA256 {
		return &HashError{Pack: c.f.pack, Name: c.f.Name, Want: c.f.SHA256, Got: got}
	}
	return nil
}
