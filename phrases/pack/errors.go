package pack

import (
	"fmt"
	"time"
)

// The errors below are the only ones the Open and Check functions return
// for bad input, so callers can tell an attack or corruption (signature,
// hash, size, sequence, version) from a stale catalog (expiry) with
// errors.As, and show the fields.

// A SignatureError reports a signed note that does not carry a valid
// signature by a trusted key: malformed note, a signature that fails to
// verify, or only signatures by unknown keys.
type SignatureError struct {
	Doc     string   // "catalog" or "manifest <id>"
	Signers []string // names+hashes of signatures by unknown keys, if any
	Err     error    // the underlying reason
}

func (e *SignatureError) Error() string {
	if len(e.Signers) > 0 {
		return fmt.Sprintf("%s: %v (signed only by unknown keys %v)", e.Doc, e.Err, e.Signers)
	}
	return fmt.Sprintf("%s: %v", e.Doc, e.Err)
}

func (e *SignatureError) Unwrap() error { return e.Err }

// A FormatError reports a signed document whose text is not a valid
// catalog, manifest or bundle. Signed but malformed content is still
// rejected: the signature proves who wrote it, not that it is sane.
type FormatError struct {
	Doc string
	Err error
}

func (e *FormatError) Error() string { return fmt.Sprintf("%s: %v", e.Doc, e.Err) }
func (e *FormatError) Unwrap() error { return e.Err }

// A LimitError reports input over one of the hard limits (see the Max
// constants). Limits are checked before the expensive work.
type LimitError struct {
	Doc   string
	What  string // e.g. "size", "packs", "files", "id length"
	Limit int64
	Got   int64
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s: %s %d over the limit %d", e.Doc, e.What, e.Got, e.Limit)
}

// A SeqError reports a catalog whose sequence number went down compared
// with the previous one (a replayed older catalog), or stayed the same
// with different content.
type SeqError struct {
	Have int64 // previous catalog's seq
	Got  int64 // this catalog's seq
}

func (e *SeqError) Error() string {
	if e.Have == e.Got {
		return fmt.Sprintf("catalog: seq %d reused with different content", e.Got)
	}
	return fmt.Sprintf("catalog: seq %d older than the current %d (replayed catalog?)", e.Got, e.Have)
}

// A VersionError reports a pack whose version went down compared with
// the previous catalog (or with what the caller has installed).
type VersionError struct {
	ID   string
	Have int64
	Got  int64
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("pack %s: version %d older than the current %d", e.ID, e.Got, e.Have)
}

// A HashError reports data whose SHA-256 differs from the signed one.
// Name is the file's logical name, or "manifest" for the manifest itself.
type HashError struct {
	Pack string
	Name string
	Want string // hex
	Got  string // hex
}

func (e *HashError) Error() string {
	return fmt.Sprintf("pack %s: %s: sha256 %s, want %s", e.Pack, e.Name, short(e.Got), short(e.Want))
}

// A SizeError reports data whose length differs from the signed one.
type SizeError struct {
	Pack string
	Name string
	Want int64
	Got  int64 // for a stream, at least this many bytes
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("pack %s: %s: size %d, want %d", e.Pack, e.Name, e.Got, e.Want)
}

// A MismatchError reports a manifest that does not describe the pack the
// catalog entry names (a manifest swapped between packs or versions).
type MismatchError struct {
	Pack  string
	Field string
	Want  string
	Got   string
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("pack %s: manifest %s is %q, catalog says %q", e.Pack, e.Field, e.Got, e.Want)
}

// An ExpiredError reports a catalog past its expiry. OpenCatalog returns
// it together with the catalog: installed content stays usable ("last
// verified N days ago") but nothing new may be installed from it.
type ExpiredError struct {
	Expires time.Time
	Now     time.Time
}

func (e *ExpiredError) Error() string {
	return fmt.Sprintf("catalog expired %s ago (at %s)", e.Now.Sub(e.Expires).Round(time.Second), e.Expires.Format(time.RFC3339))
}

// A MissingError reports a blob a catalog or manifest refers to that the
// repository or bundle does not hold.
type MissingError struct {
	Pack string
	Name string
	Hash string
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("pack %s: %s: blob %s missing", e.Pack, e.Name, short(e.Hash))
}

func short(hex string) string {
	if len(hex) > 12 {
		return hex[:12] + "…"
	}
	return hex
}
