package source

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/firstline/firstline/phrases"
)

// Report is the result of Check: the issues, sorted by file and line,
// and the coverage of every content per language.
type Report struct {
	Strict   bool       `json:"strict"`
	Errors   int        `json:"errors"`
	Warnings int        `json:"warnings"`
	Issues   []Issue    `json:"issues"`
	Coverage []Coverage `json:"coverage"`
}

// OK reports whether the check found no errors.
func (r *Report) OK() bool { return r.Errors == 0 }

// Coverage counts, for one content and language, the phrases (or guide
// items) that exist, are translated, are reviewed and have a recording.
type Coverage struct {
	Content    string `json:"content"` // "guide" or "set <id>"
	Lang       string `json:"lang"`
	Total      int    `json:"total"`
	Translated int    `json:"translated"`
	Reviewed   int    `json:"reviewed"`
	Audio      int    `json:"audio"`
}

// Check validates the sources. In strict mode warnings count as errors
// and every language present must be complete.
func Check(s *Sources, strict bool) *Report {
	c := &checker{s: s, strict: strict}
	c.issues = append(c.issues, s.issues...)
	if s.Guide != nil {
		c.texts(&s.Guide.Texts)
	}
	for _, set := range s.Sets {
		c.texts(&set.Texts)
	}
	r := &Report{Strict: strict, Coverage: c.coverage}
	for _, is := range c.issues {
		if strict && is.Severity == Warning {
			is.Severity = Error
		}
		if is.Severity == Error {
			r.Errors++
		} else {
			r.Warnings++
		}
		r.Issues = append(r.Issues, is)
	}
	sortIssues(r.Issues)
	return r
}

type checker struct {
	s        *Sources
	strict   bool
	issues   []Issue
	coverage []Coverage
}

func (c *checker) add(sev Severity, file string, line int, format string, args ...any) {
	c.issues = append(c.issues, Issue{Severity: sev, File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// texts checks every language of one content against its source.
func (c *checker) texts(t *Texts) {
	src := t.Langs[t.Source]
	if src == nil {
		c.add(Error, t.Path, 0, "%s: no message file for its source language %q (active.%s.toml)", t.Name, t.Source, t.Source)
		return
	}
	for _, lang := range t.LangList() {
		c.lang(t, lang)
	}
	for lang, clips := range t.Audio {
		for id, a := range clips {
			if sp := t.Spec(id); sp == nil || !sp.Unit {
				c.add(Warning, a.Path, 0, "recording of %q, which is not a phrase of %s", id, t.Name)
			} else if t.Text(lang, id) == "" {
				c.add(Warning, a.Path, 0, "recording of %q, which has no %s text", id, lang)
			}
		}
	}
	for lang, rf := range t.Reviews {
		for id, e := range rf.Entries {
			if t.Spec(id) == nil {
				c.add(Warning, rf.Path, e.Line, "review of unknown message ID %q", id)
			}
		}
		if t.Langs[lang] == nil {
			c.add(Warning, rf.Path, 0, "review file, but no readable active.%s.toml", lang)
		}
	}
}

func (c *checker) lang(t *Texts, lang string) {
	f := t.Langs[lang]
	cov := Coverage{Content: t.Name, Lang: lang}
	_, tables := expectedScript(f.Tag)
	for _, id := range f.IDs() {
		m := f.Msgs[id]
		sp := t.Spec(id)
		if sp == nil {
			what := "translation of unknown ID"
			if lang == t.Source {
				what = "message not declared in " + t.Path + ":"
			}
			if base, v, ok := strings.Cut(id, "__"); ok && t.Spec(base) != nil && v != "translit" {
				c.add(Error, f.Path, m.Line, "variant %q of %q is not declared in %s (variants = [...])", v, base, t.Path)
				continue
			}
			c.add(Error, f.Path, m.Line, "%s %q", what, id)
			continue
		}
		c.text(t, f, m, sp, tables)
	}
	missing := 0
	for _, sp := range t.Specs {
		tr := t.Text(lang, sp.ID) != ""
		if lang == t.Source && sp.Required && !tr {
			c.add(Error, f.Path, 0, "%s: no source text for %q (declared at %s:%d)", t.Name, sp.ID, t.Path, sp.Line)
		} else if c.strict && sp.Required && !tr {
			missing++
			if missing <= 5 {
				c.add(Error, f.Path, 0, "incomplete: no translation of %q", sp.ID)
			}
		}
		if !sp.Unit {
			continue
		}
		cov.Total++
		if tr {
			cov.Translated++
			if t.Review(lang, sp.ID).State == phrases.Reviewed {
				cov.Reviewed++
			}
		}
		if t.Audio[lang][sp.ID] != nil {
			cov.Audio++
		}
	}
	if missing > 5 {
		c.add(Error, f.Path, 0, "incomplete: %d more messages not translated", missing-5)
	}
	c.coverage = append(c.coverage, cov)
}

// text checks one message: empty, too long, placeholders, untranslated.
func (c *checker) text(t *Texts, f *MsgFile, m *Msg, sp *Spec, tables []*unicode.RangeTable) {
	if strings.TrimSpace(m.Text) == "" {
		c.add(Error, f.Path, m.Line, "%q: empty text", m.ID)
		return
	}
	if n := utf8.RuneCountInString(m.Text); n > sp.Max {
		c.add(Error, f.Path, m.Line, "%q: text is %d characters, limit %d (it must fit one screen)", m.ID, n, sp.Max)
	}
	if f.Lang == t.Source {
		return
	}
	src := t.SourceText(m.ID)
	_, suffix, _ := strings.Cut(m.ID, "__")
	if src == "" {
		return
	}
	if suffix == "translit" {
		return // Latin by design, and may be close to anything
	}
	if want, got := placeholders(src), placeholders(m.Text); !sameCounts(want, got) {
		c.add(Error, f.Path, m.Line, "%q: placeholders %s differ from the source's %s", m.ID, setString(got), setString(want))
	}
	letters, share := scriptShare(m.Text, tables)
	switch {
	case letters < minLetters:
	case strings.Contains(t.SourceDescription(m.ID), KeepSourceMarker):
		// The author allows the source wording (a title with no official
		// translation, a name).
	case m.Text == src && strings.Contains(strings.TrimSpace(src), " "):
		// One identical word is usually a cognate (Police, Sources, Taxi).
		c.add(Warning, f.Path, m.Line, "%q: identical to the %s source text: likely untranslated", m.ID, t.Source)
	case tables != nil && share < 0.5:
		sc, _ := expectedScript(f.Tag)
		c.add(Warning, f.Path, m.Line, "%q: mostly in %s script, expected %s: likely untranslated", m.ID, dominantScript(m.Text), sc)
	}
}

func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, n := range a {
		if b[k] != n {
			return false
		}
	}
	return true
}

func setString(m map[string]int) string {
	if len(m) == 0 {
		return "(none)"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, " ")
}
