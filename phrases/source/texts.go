package source

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/firstline/firstline/phrases"
)

// Texts are the translatable messages of one content (the guide or a
// phrase set): what messages it expects, and per language the message
// file, the review record and the recordings.
type Texts struct {
	Name    string // "guide" or "set <id>", for messages
	Dir     string
	Path    string // the structure file, guide.toml or set.toml
	Source  string // the language every other one is translated from
	Specs   []Spec // expected messages, in display order
	Langs   map[string]*MsgFile
	Reviews map[string]*ReviewFile
	Audio   map[string]map[string]*Audio // lang -> message ID -> clip
	specs   map[string]int               // index into Specs
}

// Spec is one message a content expects.
type Spec struct {
	ID       string
	Required bool // a complete language has it
	Unit     bool // counted in coverage: a phrase, or a guide item
	Max      int  // limit in characters
	Line     int  // where the structure file declares it
}

func (t *Texts) addSpec(sp Spec) bool {
	if t.specs == nil {
		t.specs = map[string]int{}
	}
	if _, dup := t.specs[sp.ID]; dup {
		return false
	}
	t.specs[sp.ID] = len(t.Specs)
	t.Specs = append(t.Specs, sp)
	return true
}

// Spec returns the expected message with the given ID, or nil.
func (t *Texts) Spec(id string) *Spec {
	i, ok := t.specs[id]
	if !ok {
		return nil
	}
	return &t.Specs[i]
}

// LangList returns the languages with a message file, source first, then
// sorted.
func (t *Texts) LangList() []string {
	var langs []string
	for l := range t.Langs {
		if l != t.Source {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	if t.Langs[t.Source] != nil {
		langs = append([]string{t.Source}, langs...)
	}
	return langs
}

// Text returns the text of message id in lang, "" if not translated.
func (t *Texts) Text(lang, id string) string {
	if f := t.Langs[lang]; f != nil {
		if m := f.Msgs[id]; m != nil {
			return m.Text
		}
	}
	return ""
}

// SourceHash is the review hash of a source text: "sha256:<hex>".
func SourceHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Review returns the review status of message id in lang: reviewed only
// while a review entry exists whose source hash matches the current
// source text.
func (t *Texts) Review(lang, id string) phrases.Review {
	src, tr := t.SourceText(id), t.Text(lang, id)
	rf := t.Reviews[lang]
	if src == "" || tr == "" || rf == nil {
		return phrases.Review{State: phrases.Draft}
	}
	e, ok := rf.Entries[id]
	if !ok || e.SourceHash != SourceHash(src) {
		return phrases.Review{State: phrases.Draft}
	}
	return phrases.Review{State: phrases.Reviewed, By: e.By, Date: e.Date.Format("2006-01-02")}
}

// SourceText returns the source-language text a message is translated
// from: its own, or for a variant or transliteration the source
// language does not have, its phrase's.
func (t *Texts) SourceText(id string) string {
	if s := t.Text(t.Source, id); s != "" {
		return s
	}
	if base, _, ok := strings.Cut(id, "__"); ok {
		return t.Text(t.Source, base)
	}
	return ""
}

// KeepSourceMarker in a source message's description tells the checks that
// a translation may keep the source wording (a publication title with no
// official translation, a proper name): no "likely untranslated" warning.
const KeepSourceMarker = "[may stay in source language]"

// SourceDescription returns the translator's note of a source message.
func (t *Texts) SourceDescription(id string) string {
	if f := t.Langs[t.Source]; f != nil {
		if m := f.Msgs[id]; m != nil {
			return m.Description
		}
	}
	return ""
}
