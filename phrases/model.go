// Package phrases is the content model the app reads: the field guide, the
// phrase sets shown to victims and the regional contact sheets, each as the
// payload "pack.json" of a signed pack.
//
// The package is compiled into the wasm app, so it imports only the
// standard library. Every decoder (DecodeGuide, DecodePhrasePack,
// DecodeRegion) enforces hard size and count limits and validates the whole
// payload before returning it, so the screens never see a half-valid pack:
//
//	p, err := phrases.DecodePhrasePack(data)
//	if err != nil {
//		// refuse the pack; err says which field of which entry is wrong
//	}
//
// The authoring side (package phrases/source) produces these payloads from
// the TOML sources described in FORMAT.md, using the same limits.
package phrases

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Limits shared by the decoders and the authoring checks. Texts are
// counted in characters (runes), not bytes.
const (
	MaxPackBytes     = 4 << 20 // a pack.json larger than this is refused
	MaxPhraseText    = 300     // a phrase must fit the full-screen show-to-victim view
	MaxGuideText     = 700     // a guide item must fit one screen
	MaxTitleText     = 200     // titles, summaries, names
	MaxNoteText      = 2000    // region notes and contact notes
	MaxIDLen         = 128
	MaxPhrases       = 2000
	MaxCategories    = 200
	MaxOptions       = 20
	MaxModules       = 100
	MaxSections      = 100 // per module
	MaxItems         = 500 // per section
	MaxContacts      = 500
	MaxNotes         = 200
	MaxLangsPerEntry = 50
)

// Text direction of a pack's language.
const (
	LTR = "ltr"
	RTL = "rtl"
)

// Pack kinds, the "kind" field of every pack.json.
const (
	KindGuide   = "guide"
	KindPhrases = "phrases"
	KindRegion  = "region"
)

// ReviewState says whether a person checked a translation.
type ReviewState string

const (
	Draft    ReviewState = "draft"
	Reviewed ReviewState = "reviewed"
)

// Review is the review status of one text: draft, or reviewed by whom and
// when (date as YYYY-MM-DD).
type Review struct {
	State ReviewState `json:"state"`
	By    string      `json:"by,omitempty"`
	Date  string      `json:"date,omitempty"`
}

func (r Review) validate() error {
	switch r.State {
	case Draft:
		if r.By != "" || r.Date != "" {
			return errors.New("draft review has a reviewer or date")
		}
	case Reviewed:
		if r.By == "" {
			return errors.New("reviewed without a reviewer")
		}
		if !validDate(r.Date) {
			return fmt.Errorf("review date %q is not YYYY-MM-DD", r.Date)
		}
	default:
		return fmt.Errorf("review state %q is not draft or reviewed", r.State)
	}
	return checkText("reviewer", r.By, MaxTitleText, true)
}

// decode reads one JSON object from b into v, refusing oversized input,
// trailing data, and a kind other than want.
func decode(b []byte, want string, v any) error {
	if len(b) > MaxPackBytes {
		return fmt.Errorf("%s pack: %d bytes, limit %d", want, len(b), MaxPackBytes)
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("%s pack: not valid UTF-8", want)
	}
	var head struct {
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return fmt.Errorf("%s pack: %v", want, err)
	}
	if head.Kind != want {
		return fmt.Errorf("%s pack: kind is %q", want, head.Kind)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s pack: %v", want, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%s pack: data after the JSON object", want)
	}
	return nil
}
