package source

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// ReviewFile is review.<lang>.toml: which translations a person checked,
// and against which source text.
type ReviewFile struct {
	Path    string
	Lang    string
	Entries map[string]ReviewEntry
}

// ReviewEntry is one [[reviewed]] entry.
type ReviewEntry struct {
	ID         string    `toml:"id"`
	By         string    `toml:"by"`
	Date       time.Time `toml:"date"`
	SourceHash string    `toml:"source_hash"`
	Line       int       `toml:"-"`
}

func parseReviewFile(s *Sources, path string, data []byte) *ReviewFile {
	var file struct {
		Reviewed []ReviewEntry `toml:"reviewed"`
	}
	if !s.decodeTOML(path, data, &file) {
		return nil
	}
	rf := &ReviewFile{Path: path, Entries: map[string]ReviewEntry{}}
	lines := idLines(data)
	for _, e := range file.Reviewed {
		if l := lines[e.ID]; len(l) > 0 {
			e.Line = l[0]
		}
		if _, dup := rf.Entries[e.ID]; dup {
			s.errorf(path, e.Line, "duplicate review entry for %q", e.ID)
			continue
		}
		if e.By == "" || e.Date.IsZero() || e.SourceHash == "" {
			s.errorf(path, e.Line, "review entry %q: needs by, date and source_hash", e.ID)
			continue
		}
		rf.Entries[e.ID] = e
	}
	return rf
}

// MarkReviewed records that by reviewed, on date, every message currently
// translated into lang in set (GuideSet for the guide): it writes
// review.<lang>.toml with the hash of each message's current source text.
// Entries for messages not translated any more are dropped. The file is
// replaced atomically.
func MarkReviewed(dir, set, lang, by string, date time.Time) error {
	if by == "" {
		return fmt.Errorf("mark reviewed: no reviewer name")
	}
	s, err := Load(dir)
	if err != nil {
		return fmt.Errorf("mark reviewed: %w", err)
	}
	t, err := s.texts(set)
	if err != nil {
		return fmt.Errorf("mark reviewed: %w", err)
	}
	if errs := errorsIn(s.issues, t.Dir); len(errs) > 0 {
		return fmt.Errorf("mark reviewed: %s %s has errors, fix them first: %s", set, lang, errs[0])
	}
	f := t.Langs[lang]
	if f == nil {
		return fmt.Errorf("mark reviewed: %s has no translation into %q", t.Name, lang)
	}
	entries := map[string]ReviewEntry{}
	for _, sp := range t.Specs {
		src, tr := t.SourceText(sp.ID), t.Text(lang, sp.ID)
		if src != "" && tr != "" {
			entries[sp.ID] = ReviewEntry{ID: sp.ID, By: by, Date: date, SourceHash: SourceHash(src)}
		}
	}
	if len(entries) == 0 {
		return fmt.Errorf("mark reviewed: %s %s: nothing translated to review", t.Name, lang)
	}
	return writeFiles(map[string][]byte{filepath.Join(t.Dir, "review."+lang+".toml"): encodeReview(entries)})
}

// texts returns the guide (GuideSet) or the named set.
func (s *Sources) texts(set string) (*Texts, error) {
	if set == GuideSet {
		if s.Guide == nil {
			return nil, fmt.Errorf("%s has no guide", s.Dir)
		}
		return &s.Guide.Texts, nil
	}
	if st := s.Set(set); st != nil {
		return &st.Texts, nil
	}
	return nil, fmt.Errorf("%s has no set %q", s.Dir, set)
}

// encodeReview writes entries sorted by ID, one [[reviewed]] table each.
func encodeReview(entries map[string]ReviewEntry) []byte {
	ids := make([]string, 0, len(entries))
	for id := range entries {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b bytes.Buffer
	b.WriteString("# Written by firstline pack review/import. A review holds while source_hash\n# matches the current source text.\n")
	for _, id := range ids {
		e := entries[id]
		fmt.Fprintf(&b, "\n[[reviewed]]\nid = %s\nby = %s\ndate = %s\nsource_hash = %s\n",
			tomlString(e.ID), tomlString(e.By), e.Date.Format("2006-01-02"), tomlString(e.SourceHash))
	}
	return b.Bytes()
}

// errorsIn returns the error issues about files under dir.
func errorsIn(issues []Issue, dir string) []Issue {
	var out []Issue
	for _, is := range issues {
		if is.Severity == Error && (is.File == dir || len(is.File) > len(dir) && is.File[:len(dir)+1] == dir+string(os.PathSeparator)) {
			out = append(out, is)
		}
	}
	return out
}
