package source

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// ExportOptions tune ExportCSV.
type ExportOptions struct {
	TSV   bool // tab-separated instead of comma-separated
	NoBOM bool // leave out the UTF-8 byte order mark spreadsheets need to detect UTF-8
}

// ExportCSV writes set setID as a spreadsheet ImportCSV reads back: a
// header (id, category, kind, options, note, then the source language and
// langs), then set.title, the category titles and every phrase with its
// variant and transliteration rows. A variant or transliteration row is
// written only when one of the languages has its text.
func ExportCSV(w io.Writer, s *Sources, setID string, langs []string, opts ExportOptions) error {
	set := s.Set(setID)
	if set == nil {
		return fmt.Errorf("export: %s has no set %q", s.Dir, setID)
	}
	cols := []string{set.Source}
	for _, l := range langs {
		if _, err := parseLang(l); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if !contains(cols, l) {
			cols = append(cols, l)
		}
	}
	if !opts.NoBOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	cw := csv.NewWriter(w)
	if opts.TSV {
		cw.Comma = '\t'
	}
	row := func(id, cat, kind string, options []string) []string {
		rec := []string{id, cat, kind, strings.Join(options, " ")}
		if f := set.Langs[set.Source]; f != nil && f.Msgs[id] != nil {
			rec = append(rec, f.Msgs[id].Description)
		} else {
			rec = append(rec, "")
		}
		for _, l := range cols {
			rec = append(rec, set.Text(l, id))
		}
		return rec
	}
	anyText := func(id string) bool {
		for _, l := range cols {
			if set.Text(l, id) != "" {
				return true
			}
		}
		return false
	}
	cw.Write(append(append([]string{}, fixedColumns...), cols...))
	cw.Write(row("set.title", "", "", nil))
	for _, c := range set.Categories {
		cw.Write(row("cat."+c.ID, "", "", nil))
	}
	for _, p := range set.Phrases {
		cw.Write(row(p.ID, p.Category, p.Kind, p.Options))
		for _, v := range append(append([]string{}, p.Variants...), "translit") {
			if id := p.ID + "__" + v; anyText(id) {
				cw.Write(row(id, "", "", nil))
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
