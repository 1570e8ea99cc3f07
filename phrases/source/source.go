// Package source reads, checks and writes the authoring sources of
// firstline's content (the layout is in phrases/FORMAT.md) and turns them
// into pack payloads. It is used by the firstline CLI only, never by the
// app: it links go-i18n, the TOML parser and x/text.
//
// The workflow:
//
//	s, err := source.Load("phrases/content") // fails only if SRC is unreadable
//	r := source.Check(s, strict)              // file:line errors, warnings, coverage
//	contents, err := source.Packs(s)          // one pack.Content per content and language
//
// Translators work in go-i18n message files (goi18n merge keeps working)
// or in spreadsheets (ImportCSV, ExportCSV); reviewers record their review
// with MarkReviewed. A review holds only while the source text it was made
// against is unchanged.
package source

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Size limits of source files.
const (
	MaxTOMLBytes  = 1 << 20 // a message, structure, review or region file
	MaxAudioBytes = 2 << 20 // one audio clip
)

// GuideSet is the name MarkReviewed and the CLI use for the guide; no
// phrase set may have this ID.
const GuideSet = "guide"

// Sources is everything read from one SRC folder. Problems found while
// reading (malformed TOML, oversized files, bad tags) are kept and
// reported by Check, so one run shows all of them.
type Sources struct {
	Dir     string
	Guide   *Guide    // nil when SRC has no guide/guide.toml
	Sets    []*Set    // sorted by ID
	Regions []*Region // sorted by ID
	issues  []Issue
}

// Set returns the phrase set with the given ID, or nil.
func (s *Sources) Set(id string) *Set {
	for _, set := range s.Sets {
		if set.ID == id {
			return set
		}
	}
	return nil
}

// Load reads the sources under dir. It fails only when dir itself cannot
// be read; problems inside files are reported by Check.
func Load(dir string) (*Sources, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("load sources: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("load sources: %s is not a folder", dir)
	}
	s := &Sources{Dir: dir}
	if _, err := os.Stat(filepath.Join(dir, "guide", "guide.toml")); err == nil {
		s.Guide = loadGuide(s, filepath.Join(dir, "guide"))
	}
	for _, name := range subdirs(s, filepath.Join(dir, "sets")) {
		if set := loadSet(s, filepath.Join(dir, "sets", name)); set != nil {
			s.Sets = append(s.Sets, set)
		}
	}
	for _, name := range subdirs(s, filepath.Join(dir, "regions")) {
		if r := loadRegion(s, filepath.Join(dir, "regions", name, "region.toml")); r != nil {
			s.Regions = append(s.Regions, r)
		}
	}
	sort.Slice(s.Sets, func(i, j int) bool { return s.Sets[i].ID < s.Sets[j].ID })
	sort.Slice(s.Regions, func(i, j int) bool { return s.Regions[i].ID < s.Regions[j].ID })
	return s, nil
}

func (s *Sources) errorf(file string, line int, format string, args ...any) {
	s.issues = append(s.issues, Issue{Severity: Error, File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (s *Sources) warnf(file string, line int, format string, args ...any) {
	s.issues = append(s.issues, Issue{Severity: Warning, File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// subdirs lists the folders in dir, sorted; a missing dir has none.
func subdirs(s *Sources, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !os.IsNotExist(err) {
			s.errorf(dir, 0, "%v", err)
		}
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}

// readLimited reads a file of at most max bytes; a larger file is an error
// and is not read.
func readLimited(s *Sources, path string, max int64) ([]byte, bool) {
	fi, err := os.Stat(path)
	if err != nil {
		s.errorf(path, 0, "%v", err)
		return nil, false
	}
	if fi.Size() > max {
		s.errorf(path, 0, "file is %d bytes, limit %d", fi.Size(), max)
		return nil, false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		s.errorf(path, 0, "%v", err)
		return nil, false
	}
	return b, true
}
