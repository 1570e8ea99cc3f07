package source

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/firstline/firstline/phrases"
)

// ImportOptions tune ImportCSV.
type ImportOptions struct {
	Dir        string    // SRC, the sources folder to merge into
	Name       string    // the spreadsheet's file name, for messages; ".tsv" means tab-separated
	ReviewedBy string    // if set, the imported texts are recorded as reviewed by this person
	Date       time.Time // review date; zero means today
	DryRun     bool      // check and report, write nothing
}

// ImportResult says what an import changed.
type ImportResult struct {
	Rows    int      // messages in the spreadsheet
	Langs   []string // language columns
	Added   []string // phrases new to set.toml
	Changed int      // message texts added or changed
	Files   []string // files written (or, in a dry run, to be written)
}

// ImportCSV merges a phrase spreadsheet into set setID under opts.Dir:
// texts go to active.<lang>.toml, new phrases and categories are appended
// to set.toml (creating the set if needed), and with opts.ReviewedBy the
// imported texts are recorded in review.<lang>.toml. Empty cells change
// nothing. On any error nothing is written and the error is an
// *ImportError naming file:line of each problem.
func ImportCSV(r io.Reader, setID, sourceLang string, opts ImportOptions) (*ImportResult, error) {
	if !phrases.ValidID(setID) || setID == GuideSet {
		return nil, fmt.Errorf("import: set id %q: want lower-case letters, digits, . _ - (not %q)", setID, GuideSet)
	}
	if _, err := parseLang(sourceLang); err != nil {
		return nil, fmt.Errorf("import: source language: %w", err)
	}
	if opts.Name == "" {
		opts.Name = "spreadsheet"
	}
	sh, err := ParseSheet(r, opts.Name, sourceLang)
	if err != nil {
		return nil, err
	}
	s, err := Load(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	setDir := filepath.Join(opts.Dir, "sets", setID)
	if errs := errorsIn(s.issues, setDir); len(errs) > 0 {
		return nil, &ImportError{errs} // never rewrite files we could not read
	}
	set := s.Set(setID)
	setPath := filepath.Join(setDir, "set.toml")
	var setTOML []byte
	if set == nil {
		set = &Set{ID: setID}
		set.Source, set.Path, set.Dir = sourceLang, setPath, setDir
		set.Langs, set.Reviews = map[string]*MsgFile{}, map[string]*ReviewFile{}
		setTOML = fmt.Appendf(nil, "id = %s\nsource = %s\n", tomlString(setID), tomlString(sourceLang))
	} else {
		if set.Source != sourceLang {
			return nil, fmt.Errorf("import: set %s is translated from %q, not %q", setID, set.Source, sourceLang)
		}
		if setTOML, err = os.ReadFile(setPath); err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
	}
	m := &merger{sh: sh, set: set, src: sourceLang, msgs: map[string]map[string]*Msg{}}
	m.structure()
	m.texts()
	if len(m.issues) > 0 {
		return nil, &ImportError{m.issues}
	}
	files := map[string][]byte{}
	res := &ImportResult{Rows: len(sh.Rows), Langs: sh.Langs, Added: m.added, Changed: m.changed}
	if len(m.newCats)+len(m.added) > 0 {
		files[setPath] = append(setTOML, m.setAppendix()...)
	}
	for lang, msgs := range m.msgs {
		if m.dirty[lang] {
			files[filepath.Join(setDir, "active."+lang+".toml")] = encodeMessages(msgs)
		}
	}
	if opts.ReviewedBy != "" {
		date := opts.Date
		if date.IsZero() {
			date = time.Now()
		}
		m.reviews(files, setDir, opts.ReviewedBy, date)
	}
	for p := range files {
		res.Files = append(res.Files, p)
	}
	sort.Strings(res.Files)
	if opts.DryRun || len(files) == 0 {
		return res, nil
	}
	if err := writeFiles(files); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return res, nil
}

// merger applies a sheet to a set in memory.
type merger struct {
	sh      *Sheet
	set     *Set
	src     string
	msgs    map[string]map[string]*Msg // lang -> id -> message, merged
	dirty   map[string]bool
	newCats []string
	added   []string
	newDefs []PhraseDef
	changed int
	issues  []Issue
}

func (m *merger) errorf(line int, format string, args ...any) {
	m.issues = append(m.issues, Issue{Severity: Error, File: m.sh.Name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (m *merger) hasCategory(id string) bool {
	for _, c := range m.set.Categories {
		if c.ID == id {
			return true
		}
	}
	return contains(m.newCats, id)
}

func (m *merger) phrase(id string) *PhraseDef {
	if p := m.set.Phrase(id); p != nil {
		return p
	}
	for i := range m.newDefs {
		if m.newDefs[i].ID == id {
			return &m.newDefs[i]
		}
	}
	return nil
}
