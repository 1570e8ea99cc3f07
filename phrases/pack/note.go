package pack

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/note"
)

// openNote checks the size of a signed note, then its signatures, and
// returns its text. Errors are *LimitError or *SignatureError.
func openNote(doc string, data []byte, keys Keys, max int) (string, error) {
	if len(data) > max {
		return "", &LimitError{Doc: doc, What: "size", Limit: int64(max), Got: int64(len(data))}
	}
	n, err := note.Open(data, keys.verifiers())
	if err != nil {
		var unv *note.UnverifiedNoteError
		if errors.As(err, &unv) {
			var names []string
			for _, s := range unv.Note.UnverifiedSigs {
				names = append(names, fmt.Sprintf("%s+%08x", s.Name, s.Hash))
			}
			return "", &SignatureError{Doc: doc, Signers: names, Err: errors.New("no signature by a trusted key")}
		}
		return "", &SignatureError{Doc: doc, Err: err}
	}
	// note.Open decodes base64 leniently: a flipped padding bit yields
	// the same signature. Insist on the one canonical encoding, so any
	// change to the bytes of a signed note is rejected.
	for _, list := range [][]note.Signature{n.Sigs, n.UnverifiedSigs} {
		for _, s := range list {
			if _, err := base64.StdEncoding.Strict().DecodeString(s.Base64); err != nil {
				return "", &SignatureError{Doc: doc, Err: errors.New("non-canonical signature encoding")}
			}
		}
	}
	if len(n.Sigs)+len(n.UnverifiedSigs) > maxSigs {
		return "", &LimitError{Doc: doc, What: "signatures", Limit: maxSigs, Got: int64(len(n.Sigs) + len(n.UnverifiedSigs))}
	}
	return n.Text, nil
}

// maxSigs bounds the signatures of a note: a key rotation needs two.
const maxSigs = 8

// signNote signs text (JSON + "\n") with every signer.
func signNote(text []byte, signers []note.Signer) ([]byte, error) {
	if len(signers) == 0 {
		return nil, errors.New("no signer")
	}
	return note.Sign(&note.Note{Text: string(text)}, signers...)
}

// decodeText parses the JSON text of a note into v: exactly one JSON
// value followed by one newline, nothing else.
func decodeText(doc, text string, v any) error {
	body, ok := strings.CutSuffix(text, "\n")
	if !ok || strings.Contains(body, "\n") {
		return &FormatError{Doc: doc, Err: errors.New("text is not one line of JSON")}
	}
	dec := json.NewDecoder(strings.NewReader(body))
	if err := dec.Decode(v); err != nil {
		return &FormatError{Doc: doc, Err: err}
	}
	if dec.More() {
		return &FormatError{Doc: doc, Err: errors.New("data after the JSON value")}
	}
	return nil
}

// encodeText is the inverse of decodeText.
func encodeText(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Hash returns the lower-case hex SHA-256 of data: a blob's name.
func Hash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// BlobPath returns the path of a blob inside a repository.
func BlobPath(hash string) string { return "blobs/" + hash }

// CatalogPath is the path of the catalog inside a repository.
const CatalogPath = "catalog"

func validHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// validToken reports whether s is a non-empty [a-z0-9-] word of at most
// max bytes that starts with a letter or digit: pack ids and kinds.
func validToken(s string, max int) bool {
	if s == "" || len(s) > max || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// validText reports whether s is valid UTF-8 without control characters.
func validText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

// validLang is a loose BCP 47 shape check: letters, digits and '-'.
func validLang(s string) bool {
	if s == "" || len(s) > MaxLangLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// validName reports whether a file's logical name is a clean relative
// slash path (no "..", no leading "/", no backslash, no controls).
func validName(s string) bool {
	return len(s) <= MaxNameLen && fs.ValidPath(s) && s != "." &&
		!strings.Contains(s, `\`) && validText(s)
}

// validType checks a media type's shape: printable ASCII, no spaces
// other than in parameters.
func validType(s string) bool {
	if s == "" || len(s) > MaxTypeLen || !strings.Contains(s, "/") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// checkMeta validates the pack description shared by catalog entries,
// manifests and Content.
func checkMeta(doc, id, kind, title string, langs []string) error {
	if len(id) > MaxIDLen {
		return &LimitError{Doc: doc, What: "id length", Limit: MaxIDLen, Got: int64(len(id))}
	}
	if !validToken(id, MaxIDLen) {
		return &FormatError{Doc: doc, Err: fmt.Errorf("bad pack id %q: want [a-z0-9-]", id)}
	}
	if !validToken(kind, MaxKindLen) {
		return &FormatError{Doc: doc, Err: fmt.Errorf("pack %s: bad kind %q", id, kind)}
	}
	if len(title) > MaxTitleLen {
		return &LimitError{Doc: doc, What: "title length", Limit: MaxTitleLen, Got: int64(len(title))}
	}
	if !validText(title) {
		return &FormatError{Doc: doc, Err: fmt.Errorf("pack %s: bad title", id)}
	}
	if len(langs) > MaxLangs {
		return &LimitError{Doc: doc, What: "langs", Limit: MaxLangs, Got: int64(len(langs))}
	}
	for _, l := range langs {
		if !validLang(l) {
			return &FormatError{Doc: doc, Err: fmt.Errorf("pack %s: bad language tag %q", id, l)}
		}
	}
	return nil
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// encodeAndSign encodes v as note text and signs it.
func encodeAndSign(v any, signers []note.Signer) (text, signed []byte, err error) {
	if text, err = encodeText(v); err != nil {
		return nil, nil, err
	}
	if signed, err = signNote(text, signers); err != nil {
		return nil, nil, err
	}
	return text, signed, nil
}
