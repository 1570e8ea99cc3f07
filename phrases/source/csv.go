package source

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Spreadsheet limits for ImportCSV.
const (
	MaxCSVBytes   = 8 << 20
	MaxCSVRows    = 5000
	MaxCSVColumns = 200
	MaxCSVCell    = 2000 // characters
)

// The fixed columns of a phrase spreadsheet; every other column is a
// language, named by its BCP 47 tag.
var fixedColumns = []string{"id", "category", "kind", "options", "note"}

// Sheet is a parsed phrase spreadsheet.
type Sheet struct {
	Name  string   // file name, for messages
	Langs []string // language columns, in file order
	Rows  []Row
}

// Row is one message of a spreadsheet.
type Row struct {
	Line     int
	ID       string
	Category string
	Kind     string
	Options  []string
	Note     string
	Texts    map[string]string // lang -> text; empty cells are absent
}

// ImportError lists every problem found in a spreadsheet or in merging
// it; nothing was written.
type ImportError struct{ Issues []Issue }

func (e *ImportError) Error() string {
	var b strings.Builder
	for i, is := range e.Issues {
		if i == 20 {
			fmt.Fprintf(&b, "\n... and %d more", len(e.Issues)-i)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(is.String())
	}
	return b.String()
}

// ParseSheet reads a UTF-8 CSV (RFC 4180; a leading BOM is allowed), or
// TSV when name ends in ".tsv". sourceLang's column is required.
func ParseSheet(r io.Reader, name, sourceLang string) (*Sheet, error) {
	fail := func(line int, format string, args ...any) error {
		return &ImportError{[]Issue{{Severity: Error, File: name, Line: line, Msg: fmt.Sprintf(format, args...)}}}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxCSVBytes+1))
	if err != nil {
		return nil, fail(0, "read: %v", err)
	}
	if len(data) > MaxCSVBytes {
		return nil, fail(0, "file is over %d bytes", MaxCSVBytes)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return nil, fail(bytes.Count(data[:i], []byte("\n"))+1, "not UTF-8: save the spreadsheet as \"CSV UTF-8\"")
	}
	cr := csv.NewReader(bytes.NewReader(data))
	if strings.HasSuffix(strings.ToLower(name), ".tsv") {
		cr.Comma, cr.LazyQuotes = '\t', true
	}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fail(1, "empty file: want a header row with id and %s", sourceLang)
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	sh := &Sheet{Name: name}
	cols, issues := sh.header(header, sourceLang)
	if len(issues) > 0 {
		return nil, &ImportError{issues}
	}
	seen := map[string]int{}
	records := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if records++; records > MaxCSVRows {
			return nil, fail(line, "more than %d rows", MaxCSVRows)
		}
		if len(issues) >= 100 {
			break // enough to fix first
		}
		row, rowIssues := parseRow(rec, cols, line, name)
		issues = append(issues, rowIssues...)
		if row == nil {
			continue
		}
		if first, dup := seen[row.ID]; dup {
			issues = append(issues, Issue{Severity: Error, File: name, Line: line,
				Msg: fmt.Sprintf("duplicate id %q (first on line %d)", row.ID, first)})
			continue
		}
		seen[row.ID] = line
		sh.Rows = append(sh.Rows, *row)
	}
	if len(issues) > 0 {
		return nil, &ImportError{issues}
	}
	return sh, nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if pe.StartLine != pe.Line {
			msg += fmt.Sprintf(" (in the row starting on line %d)", pe.StartLine)
		}
		return &ImportError{[]Issue{{Severity: Error, File: name, Line: pe.Line, Col: pe.Column, Msg: msg}}}
	}
	return &ImportError{[]Issue{{Severity: Error, File: name, Msg: err.Error()}}}
}

// header maps column index to a fixed column name or a language tag.
func (sh *Sheet) header(header []string, sourceLang string) ([]string, []Issue) {
	var issues []Issue
	bad := func(format string, args ...any) {
		issues = append(issues, Issue{Severity: Error, File: sh.Name, Line: 1, Msg: fmt.Sprintf(format, args...)})
	}
	if len(header) > MaxCSVColumns {
		bad("%d columns, limit %d", len(header), MaxCSVColumns)
		return nil, issues
	}
	cols := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		switch {
		case h == "":
			bad("column %d has no name", i+1)
		case contains(fixedColumns, strings.ToLower(h)):
			h = strings.ToLower(h)
		default:
			tag, err := parseLang(h)
			if err != nil {
				bad("column %d %q: not one of %v and not a language: %v", i+1, h, fixedColumns, err)
				continue
			}
			if tag.String() != h {
				bad("column %d %q: write the language tag as %q", i+1, h, tag.String())
				continue
			}
			sh.Langs = append(sh.Langs, h)
		}
		if seen[h] {
			bad("column %q appears twice", h)
		}
		seen[h], cols[i] = true, h
	}
	if !seen["id"] {
		bad("no id column")
	}
	if !seen[sourceLang] {
		bad("no column for the source language %q", sourceLang)
	}
	return cols, issues
}

func parseRow(rec, cols []string, line int, name string) (*Row, []Issue) {
	var issues []Issue
	row := &Row{Line: line, Texts: map[string]string{}}
	empty := true
	for i, cell := range rec {
		if cell == "" {
			continue
		}
		empty = false
		if n := utf8.RuneCountInString(cell); n > MaxCSVCell {
			issues = append(issues, Issue{Severity: Error, File: name, Line: line,
				Msg: fmt.Sprintf("column %q: cell is %d characters, limit %d", cols[i], n, MaxCSVCell)})
			continue
		}
		switch cols[i] {
		case "id":
			row.ID = strings.TrimSpace(cell)
		case "category":
			row.Category = strings.TrimSpace(cell)
		case "kind":
			row.Kind = strings.TrimSpace(cell)
		case "options":
			row.Options = strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == ' ' })
		case "note":
			row.Note = cell
		default:
			row.Texts[cols[i]] = cell
		}
	}
	if empty {
		return nil, nil
	}
	if row.ID == "" {
		issues = append(issues, Issue{Severity: Error, File: name, Line: line, Msg: "row has no id"})
	}
	if len(issues) > 0 {
		return nil, issues
	}
	return row, nil
}

// text returns the cell of message id in lang, "" if none.
func (sh *Sheet) text(id, lang string) string {
	for _, r := range sh.Rows {
		if r.ID == id {
			return r.Texts[lang]
		}
	}
	return ""
}
