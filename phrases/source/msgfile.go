package source

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// MsgFile is one go-i18n message file, active.<lang>.toml.
type MsgFile struct {
	Path string
	Lang string // the tag as written in the file name
	Tag  language.Tag
	Msgs map[string]*Msg
}

// Msg is one message: its text ("other"), the translator's note
// ("description", source language only) and goi18n's "hash".
type Msg struct {
	ID          string
	Text        string
	Description string
	Hash        string
	Line        int
}

// unmarshalers lets go-i18n parse TOML with the same library it uses in
// goi18n, so files round-trip through its merge workflow.
var unmarshalers = map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}

// ParseMessageFile parses a go-i18n TOML message file. Errors name the
// file and, for malformed TOML, line and column.
func ParseMessageFile(path string, data []byte) (*MsgFile, []Issue) {
	f := &MsgFile{Path: path, Msgs: map[string]*Msg{}}
	var issues []Issue
	mf, err := i18n.ParseMessageFileBytes(data, filepath.Base(path), unmarshalers)
	if err != nil {
		return nil, []Issue{tomlIssue(path, err)}
	}
	lines := keyLines(data)
	for _, m := range mf.Messages {
		line := lines[m.ID]
		if f.Msgs[m.ID] != nil {
			issues = append(issues, Issue{Severity: Error, File: path, Line: line,
				Msg: fmt.Sprintf("duplicate message ID %q (first at line %d)", m.ID, f.Msgs[m.ID].Line)})
			continue
		}
		if m.Zero+m.One+m.Two+m.Few+m.Many != "" {
			issues = append(issues, Issue{Severity: Warning, File: path, Line: line,
				Msg: fmt.Sprintf("message %q: plural forms are not used, only \"other\"", m.ID)})
		}
		f.Msgs[m.ID] = &Msg{ID: m.ID, Text: m.Other, Description: m.Description, Hash: m.Hash, Line: line}
	}
	return f, issues
}

// IDs returns the file's message IDs, sorted.
func (f *MsgFile) IDs() []string {
	ids := make([]string, 0, len(f.Msgs))
	for id := range f.Msgs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// parseLang checks a BCP 47 tag from a file or column name: it must parse
// and its base language must be known.
func parseLang(s string) (language.Tag, error) {
	tag, err := language.Parse(s)
	if err != nil {
		return language.Und, fmt.Errorf("invalid BCP 47 tag %q: %v", s, err)
	}
	if b, conf := tag.Base(); conf != language.Exact || b.String() == "und" {
		return language.Und, fmt.Errorf("BCP 47 tag %q: unknown base language", s)
	}
	return tag, nil
}

// loadTexts reads the active.<lang>.toml, review.<lang>.toml and
// audio/<lang>/ files of a content folder.
func loadTexts(s *Sources, dir string, t *Texts) {
	t.Dir = dir
	t.Langs = map[string]*MsgFile{}
	t.Reviews = map[string]*ReviewFile{}
	t.Audio = map[string]map[string]*Audio{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		s.errorf(dir, 0, "%v", err)
		return
	}
	for _, e := range entries {
		name, path := e.Name(), filepath.Join(dir, e.Name())
		if e.IsDir() {
			if name == "audio" {
				loadAudio(s, path, t)
			}
			continue
		}
		prefix, lang, ok := splitLangFile(name)
		if !ok || prefix != "active" && prefix != "review" {
			continue
		}
		tag, err := parseLang(lang)
		if err != nil {
			s.errorf(path, 0, "%v", err)
			continue
		}
		if tag.String() != lang {
			s.warnf(path, 0, "language tag %q is not canonical: write %q", lang, tag.String())
		}
		data, ok := readLimited(s, path, MaxTOMLBytes)
		if !ok {
			continue
		}
		if prefix == "review" {
			if rf := parseReviewFile(s, path, data); rf != nil {
				rf.Lang = lang
				t.Reviews[lang] = rf
			}
			continue
		}
		f, issues := ParseMessageFile(path, data)
		s.issues = append(s.issues, issues...)
		if f != nil {
			f.Lang, f.Tag = lang, tag
			t.Langs[lang] = f
		}
	}
}

// splitLangFile splits "active.fr-CA.toml" into "active", "fr-CA".
func splitLangFile(name string) (prefix, lang string, ok bool) {
	base, ok := strings.CutSuffix(name, ".toml")
	if !ok {
		return "", "", false
	}
	prefix, lang, ok = strings.Cut(base, ".")
	return prefix, lang, ok && lang != ""
}
