package source

import (
	"errors"
	"fmt"
	"sort"

	"github.com/BurntSushi/toml"
)

// Severity of an Issue.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Issue is one problem in the sources, located by file and, where known,
// line and column.
type Issue struct {
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Msg      string   `json:"msg"`
}

// String formats the issue as "file:line:col: severity: msg".
func (i Issue) String() string {
	loc := i.File
	if i.Line > 0 {
		loc += fmt.Sprintf(":%d", i.Line)
		if i.Col > 0 {
			loc += fmt.Sprintf(":%d", i.Col)
		}
	}
	return fmt.Sprintf("%s: %s: %s", loc, i.Severity, i.Msg)
}

// tomlIssue turns a TOML decoding error into an issue at its position.
func tomlIssue(path string, err error) Issue {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return Issue{Severity: Error, File: path, Line: pe.Position.Line, Col: pe.Position.Col,
			Msg: "malformed TOML: " + pe.Message}
	}
	return Issue{Severity: Error, File: path, Msg: "malformed TOML: " + err.Error()}
}

func sortIssues(is []Issue) {
	sort.SliceStable(is, func(a, b int) bool {
		x, y := is[a], is[b]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Line != y.Line {
			return x.Line < y.Line
		}
		return x.Msg < y.Msg
	})
}
