package pack

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
)

// BundleMagic opens every bundle.
const BundleMagic = "FLPACK1\n"

const (
	bundleEnd     = "end"
	maxRecordName = 128
)

// WriteBundle writes a bundle of the packs ids of the repository fsys to w.
//
// It checks every manifest and blob against the catalog's hashes while
// copying (a corrupt repository fails here, not on a device) but does not
// check signatures: it needs no keys. Verify the result with ReadBundle.
// On error, w holds a partial bundle that ReadBundle rejects; write to a
// temporary file and rename it into place.
func WriteBundle(w io.Writer, fsys fs.FS, ids []string) error {
	catData, err := readLimited(fsys, CatalogPath, MaxCatalogSize)
	if err != nil {
		return err
	}
	cat, err := parseCatalogUnverified(catData)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return errors.New("bundle: no packs chosen")
	}
	bw := &bundleWriter{w: w}
	bw.buf = append(bw.buf, BundleMagic...)
	if err := bw.record("catalog", int64(len(catData)), strings.NewReader(string(catData))); err != nil {
		return err
	}
	done := make(map[string]bool)
	for _, id := range ids {
		if done[id] {
			continue
		}
		done[id] = true
		e, ok := cat.Entry(id)
		if !ok {
			return fmt.Errorf("bundle: no pack %q in the catalog", id)
		}
		mdata, err := readLimited(fsys, BlobPath(e.Manifest), MaxManifestSize)
		if errors.Is(err, fs.ErrNotExist) {
			return &MissingError{Pack: packLabel(e.ID, e.Version), Name: "manifest", Hash: e.Manifest}
		}
		if err != nil {
			return err
		}
		if got := Hash(mdata); got != e.Manifest {
			return &HashError{Pack: packLabel(e.ID, e.Version), Name: "manifest", Want: e.Manifest, Got: got}
		}
		m, err := parseManifestUnverified(mdata, "manifest "+packLabel(e.ID, e.Version))
		if err != nil {
			return err
		}
		if done[e.Manifest] {
			return fmt.Errorf("bundle: pack %s: manifest shared with another pack", id)
		}
		done[e.Manifest] = true
		if err := bw.record(BlobPath(e.Manifest), int64(len(mdata)), strings.NewReader(string(mdata))); err != nil {
			return err
		}
		for _, f := range m.Files {
			if done[f.SHA256] {
				continue
			}
			done[f.SHA256] = true
			if err := bw.blob(fsys, f); err != nil {
				return err
			}
		}
	}
	if err := bw.record(bundleEnd, 0, strings.NewReader("")); err != nil {
		return err
	}
	return bw.flush()
}

type bundleWriter struct {
	w       io.Writer
	buf     []byte
	total   int64
	records int
}

func (bw *bundleWriter) header(name string, n int64) error {
	bw.records++
	bw.total += int64(2+len(name)+8) + n
	if bw.records > MaxBundleRecords {
		return &LimitError{Doc: "bundle", What: "records", Limit: MaxBundleRecords, Got: int64(bw.records)}
	}
	if bw.total+int64(len(BundleMagic)) > MaxBundleSize {
		return &LimitError{Doc: "bundle", What: "size", Limit: MaxBundleSize, Got: bw.total + int64(len(BundleMagic))}
	}
	bw.buf = binary.BigEndian.AppendUint16(bw.buf, uint16(len(name)))
	bw.buf = append(bw.buf, name...)
	bw.buf = binary.BigEndian.AppendUint64(bw.buf, uint64(n))
	return nil
}

func (bw *bundleWriter) flush() error {
	_, err := bw.w.Write(bw.buf)
	bw.buf = bw.buf[:0]
	return err
}

func (bw *bundleWriter) record(name string, n int64, r io.Reader) error {
	if err := bw.header(name, n); err != nil {
		return err
	}
	if err := bw.flush(); err != nil {
		return err
	}
	_, err := io.Copy(bw.w, r)
	return err
}

// blob copies a file's blob, checking it on the way.
func (bw *bundleWriter) blob(fsys fs.FS, f ManifestFile) error {
	if err := bw.header(BlobPath(f.SHA256), f.Size); err != nil {
		return err
	}
	if err := bw.flush(); err != nil {
		return err
	}
	file, err := openBlob(fsys, f)
	if err != nil {
		return err
	}
	defer file.Close()
	c := NewFileChecker(f)
	// Read one byte more than the size, so that a longer blob is caught.
	n, err := io.Copy(io.MultiWriter(c, bw.w), io.LimitReader(file, f.Size+1))
	if err != nil {
		return err
	}
	if n != f.Size {
		return &SizeError{Pack: f.pack, Name: f.Name, Want: f.Size, Got: n}
	}
	return c.Check()
}

// A Bundle is a verified bundle: a catalog and some of its packs, with
// every blob checked. Read the files with ReadFile or Open.
type Bundle struct {
	Catalog   *Catalog
	Manifests map[string]*Manifest // the packs the bundle holds, by id

	r     io.ReaderAt
	blobs map[string]span
}

type span struct{ off, n int64 }

// Packs returns the entries of the packs the bundle holds, in catalog order.
func (b *Bundle) Packs() []CatalogEntry {
	var list []CatalogEntry
	for _, e := range b.Catalog.Packs {
		if b.Manifests[e.ID] != nil {
			list = append(list, e)
		}
	}
	return list
}

// Open returns a reader of f's blob. The bytes were checked by
// ReadBundle; a file can change after that, so an installer streams them
// through a FileChecker again.
func (b *Bundle) Open(f ManifestFile) (io.Reader, error) {
	s, ok := b.blobs[f.SHA256]
	if !ok {
		return nil, &MissingError{Pack: f.pack, Name: f.Name, Hash: f.SHA256}
	}
	return io.NewSectionReader(b.r, s.off, s.n), nil
}

// ReadFile reads f's blob and checks it again.
func (b *Bundle) ReadFile(f ManifestFile) ([]byte, error) {
	r, err := b.Open(f)
	if err != nil {
		return nil, err
	}
	if f.Size > MaxFileSize {
		return nil, &LimitError{Doc: f.Name, What: "file size", Limit: MaxFileSize, Got: f.Size}
	}
	data := make([]byte, f.Size)
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, &FormatError{Doc: "bundle", Err: err}
	}
	return data, CheckFile(f, data)
}

// ReadBundle verifies the bundle in r (size bytes) exactly like a
// download: the catalog with OpenCatalog(keys, prev, now), then the
// manifest of each pack the bundle holds with OpenManifest, then every
// file's blob (streamed, never all in memory). The bundle must hold the
// complete packs it names and nothing else, and end with its end record,
// so a truncated or padded bundle is rejected. An expired catalog gives
// the Bundle and an *ExpiredError, as OpenCatalog does.
//
// Errors: those of OpenCatalog and OpenManifest, *FormatError for a
// malformed or truncated bundle, *LimitError, *SizeError, *HashError,
// *MissingError.
func ReadBundle(r io.ReaderAt, size int64, keys Keys, prev *Catalog, now time.Time) (*Bundle, error) {
	if size > MaxBundleSize {
		return nil, &LimitError{Doc: "bundle", What: "size", Limit: MaxBundleSize, Got: size}
	}
	names, spans, err := scanBundle(r, size)
	if err != nil {
		return nil, err
	}
	b := &Bundle{Manifests: make(map[string]*Manifest), r: r, blobs: make(map[string]span)}
	catSpan := spans[0]
	if catSpan.n > MaxCatalogSize {
		return nil, &LimitError{Doc: "catalog", What: "size", Limit: MaxCatalogSize, Got: catSpan.n}
	}
	catData, err := readSpan(r, catSpan)
	if err != nil {
		return nil, err
	}
	cat, err := OpenCatalog(catData, keys, prev, now)
	var expired *ExpiredError
	if err != nil && !errors.As(err, &expired) {
		return nil, err
	}
	b.Catalog = cat
	for i, name := range names[1:] {
		b.blobs[strings.TrimPrefix(name, "blobs/")] = spans[i+1]
	}
	used := make(map[string]bool)
	buf := make([]byte, 32<<10)
	for _, e := range cat.Packs {
		s, ok := b.blobs[e.Manifest]
		if !ok {
			continue
		}
		label := packLabel(e.ID, e.Version)
		if s.n != e.ManifestSize {
			return nil, &SizeError{Pack: label, Name: "manifest", Want: e.ManifestSize, Got: s.n}
		}
		mdata, err := readSpan(r, s)
		if err != nil {
			return nil, err
		}
		m, err := OpenManifest(mdata, keys, e)
		if err != nil {
			return nil, err
		}
		used[e.Manifest] = true
		for _, f := range m.Files {
			s, ok := b.blobs[f.SHA256]
			if !ok {
				return nil, &MissingError{Pack: label, Name: f.Name, Hash: f.SHA256}
			}
			if s.n != f.Size {
				return nil, &SizeError{Pack: label, Name: f.Name, Want: f.Size, Got: s.n}
			}
			if used[f.SHA256] {
				continue
			}
			c := NewFileChecker(f)
			if _, err := io.CopyBuffer(c, io.NewSectionReader(r, s.off, s.n), buf); err != nil {
				return nil, err
			}
			if err := c.Check(); err != nil {
				return nil, err
			}
			used[f.SHA256] = true
		}
		b.Manifests[e.ID] = m
	}
	if len(b.Manifests) == 0 {
		return nil, &FormatError{Doc: "bundle", Err: errors.New("holds no pack of its catalog")}
	}
	for _, name := range names[1:] {
		if h := strings.TrimPrefix(name, "blobs/"); !used[h] {
			return nil, &FormatError{Doc: "bundle", Err: fmt.Errorf("blob %s belongs to no pack", short(h))}
		}
	}
	if expired != nil {
		return b, expired
	}
	return b, nil
}

// scanBundle reads the record headers: "catalog" first, then distinct
// "blobs/<sha256>" records, then "end" closing the file exactly. It
// returns the names and data spans of all records but the end.
func scanBundle(r io.ReaderAt, size int64) ([]string, []span, error) {
	bad := func(format string, args ...any) error {
		return &FormatError{Doc: "bundle", Err: fmt.Errorf(format, args...)}
	}
	magic := make([]byte, len(BundleMagic))
	if _, err := r.ReadAt(magic, 0); err != nil || string(magic) != BundleMagic {
		return nil, nil, bad("not a firstline bundle (bad magic)")
	}
	var names []string
	var spans []span
	seen := make(map[string]bool)
	off := int64(len(BundleMagic))
	var hdr [2 + maxRecordName + 8]byte
	for {
		if len(names) >= MaxBundleRecords {
			return nil, nil, &LimitError{Doc: "bundle", What: "records", Limit: MaxBundleRecords, Got: int64(len(names)) + 1}
		}
		if size-off < 2 {
			return nil, nil, bad("truncated at byte %d: no end record", off)
		}
		if _, err := r.ReadAt(hdr[:2], off); err != nil {
			return nil, nil, bad("reading record at %d: %v", off, err)
		}
		nlen := int64(binary.BigEndian.Uint16(hdr[:2]))
		if nlen == 0 || nlen > maxRecordName {
			return nil, nil, bad("record at %d: name length %d", off, nlen)
		}
		if size-off < 2+nlen+8 {
			return nil, nil, bad("truncated at byte %d: record header", off)
		}
		if _, err := r.ReadAt(hdr[2:2+nlen+8], off+2); err != nil {
			return nil, nil, bad("reading record at %d: %v", off, err)
		}
		name := string(hdr[2 : 2+nlen])
		n := binary.BigEndian.Uint64(hdr[2+nlen : 2+nlen+8])
		data := off + 2 + nlen + 8
		if n > uint64(size-data) {
			return nil, nil, bad("truncated: record %q needs %d bytes, %d left", name, n, size-data)
		}
		switch {
		case len(names) == 0:
			if name != "catalog" {
				return nil, nil, bad("first record %q, want catalog", name)
			}
		case name == bundleEnd:
			if n != 0 || data != size {
				return nil, nil, bad("data after the end record")
			}
			return names, spans, nil
		case strings.HasPrefix(name, "blobs/") && validHash(name[len("blobs/"):]):
			if seen[name] {
				return nil, nil, bad("record %s twice", name)
			}
		default:
			return nil, nil, bad("unexpected record %q", name)
		}
		seen[name] = true
		names = append(names, name)
		spans = append(spans, span{data, int64(n)})
		off = data + int64(n)
	}
}

func readSpan(r io.ReaderAt, s span) ([]byte, error) {
	data := make([]byte, s.n)
	if n, err := r.ReadAt(data, s.off); n < len(data) {
		return nil, &FormatError{Doc: "bundle", Err: err}
	}
	return data, nil
}

// parseCatalogUnverified parses a catalog without checking signatures:
// for WriteBundle, which copies the note as it is.
func parseCatalogUnverified(data []byte) (*Catalog, error) {
	text, err := noteText("catalog", data)
	if err != nil {
		return nil, err
	}
	return decodeCatalog(text)
}

func parseManifestUnverified(data []byte, doc string) (*Manifest, error) {
	text, err := noteText(doc, data)
	if err != nil {
		return nil, err
	}
	return decodeManifest(doc, text)
}

// noteText returns the text of a well-formed signed note, trusting no key.
func noteText(doc string, data []byte) (string, error) {
	_, err := note.Open(data, nil)
	var unv *note.UnverifiedNoteError
	if !errors.As(err, &unv) {
		return "", &SignatureError{Doc: doc, Err: err}
	}
	return unv.Note.Text, nil
}
