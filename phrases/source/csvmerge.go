package source

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/firstline/firstline/phrases"
)

// structure finds new phrases and categories and checks every row's ID
// against set.toml: existing phrases keep their category, kind and
// options; variants must be declared.
func (m *merger) structure() {
	for _, row := range m.sh.Rows {
		_, _, isSuffix := strings.Cut(row.ID, "__")
		switch {
		case !phrases.ValidID(row.ID):
			m.errorf(row.Line, "id %q: want lower-case letters, digits, . _ -", row.ID)
		case row.ID == "set.title" || isSuffix:
			if row.Category+row.Kind != "" || len(row.Options) > 0 {
				m.errorf(row.Line, "%q: category, kind and options belong on phrase rows only", row.ID)
			}
		case strings.HasPrefix(row.ID, "cat."):
			if c := row.ID[len("cat."):]; !m.hasCategory(c) {
				m.newCats = append(m.newCats, c)
			}
		default:
			m.phraseRow(row)
		}
	}
	for _, row := range m.sh.Rows {
		base, suffix, ok := strings.Cut(row.ID, "__")
		if !ok {
			continue
		}
		p := m.phrase(base)
		switch {
		case p == nil:
			m.errorf(row.Line, "%q: no phrase %q in set %s or in this file", row.ID, base, m.set.ID)
		case suffix == "translit":
		case !contains(p.Variants, suffix):
			m.errorf(row.Line, "variant %q of %q is not declared in set.toml (variants = %q)", suffix, base, p.Variants)
		}
	}
	for _, c := range m.newCats {
		if m.sh.text("cat."+c, m.src) == "" {
			m.errorf(0, "new category %q: add a row \"cat.%s\" with its %s title", c, c, m.src)
		}
	}
	for _, p := range m.newDefs {
		for _, o := range p.Options {
			if a := m.phrase(o); a == nil || a.Kind != string(phrases.KindAnswer) {
				m.errorf(p.Line, "phrase %q: option %q is not a phrase of kind \"answer\"", p.ID, o)
			}
		}
	}
}

func (m *merger) phraseRow(row Row) {
	if p := m.set.Phrase(row.ID); p != nil {
		differs := func(what, got, want string) {
			if got != "" && got != want {
				m.errorf(row.Line, "phrase %q: %s %q differs from set.toml's %q (change set.toml by hand)", row.ID, what, got, want)
			}
		}
		differs("category", row.Category, p.Category)
		differs("kind", row.Kind, p.Kind)
		differs("options", strings.Join(row.Options, " "), strings.Join(p.Options, " "))
		return
	}
	p := PhraseDef{ID: row.ID, Category: row.Category, Kind: row.Kind, Options: row.Options, Line: row.Line}
	if p.Kind == "" {
		p.Kind = string(phrases.KindMessage)
	}
	switch {
	case p.Category == "":
		m.errorf(row.Line, "new phrase %q: needs a category", row.ID)
		return
	case !phrases.ValidID(p.Category):
		m.errorf(row.Line, "new phrase %q: category %q: want lower-case letters, digits, . _ -", row.ID, p.Category)
		return
	case !phrases.PhraseKind(p.Kind).Valid():
		m.errorf(row.Line, "new phrase %q: kind %q is not one of %v", row.ID, p.Kind, phrases.PhraseKinds)
		return
	case (p.Kind == string(phrases.KindChoice)) != (len(p.Options) > 0):
		m.errorf(row.Line, "new phrase %q: a choice, and only a choice, has options", row.ID)
		return
	}
	if !m.hasCategory(p.Category) {
		m.newCats = append(m.newCats, p.Category)
	}
	m.newDefs = append(m.newDefs, p)
	m.added = append(m.added, p.ID)
}

// texts merges every non-empty cell, checking length and placeholders.
func (m *merger) texts() {
	m.dirty = map[string]bool{}
	file := func(lang string) map[string]*Msg {
		if m.msgs[lang] == nil {
			m.msgs[lang] = map[string]*Msg{}
			if f := m.set.Langs[lang]; f != nil {
				for id, msg := range f.Msgs {
					c := *msg
					m.msgs[lang][id] = &c
				}
			}
		}
		return m.msgs[lang]
	}
	for _, row := range m.sh.Rows {
		src := row.Texts[m.src]
		if src == "" {
			src = m.set.Text(m.src, row.ID)
		}
		base, _, isSuffix := strings.Cut(row.ID, "__")
		if src == "" && isSuffix { // a variant or transliteration the source language may not need
			src = row.Texts[m.src]
			if src == "" {
				src = m.set.Text(m.src, base)
			}
			if src == "" {
				src = m.sh.text(base, m.src)
			}
		}
		if src == "" && (len(row.Texts) > 0 || row.Note != "") {
			m.errorf(row.Line, "%q: no %s source text", row.ID, m.src)
			continue
		}
		max := phrases.MaxPhraseText
		if row.ID == "set.title" || strings.HasPrefix(row.ID, "cat.") {
			max = phrases.MaxTitleText
		}
		for _, lang := range m.sh.Langs {
			text, ok := row.Texts[lang]
			if !ok {
				continue
			}
			if strings.TrimSpace(text) == "" {
				m.errorf(row.Line, "%q %s: text is only spaces", row.ID, lang)
				continue
			}
			if n := utf8.RuneCountInString(text); n > max {
				m.errorf(row.Line, "%q %s: text is %d characters, limit %d", row.ID, lang, n, max)
				continue
			}
			if want, got := placeholders(src), placeholders(text); !sameCounts(want, got) {
				m.errorf(row.Line, "%q %s: placeholders %s differ from the source's %s", row.ID, lang, setString(got), setString(want))
				continue
			}
			msgs := file(lang)
			msg := msgs[row.ID]
			if msg == nil {
				msg = &Msg{ID: row.ID}
				msgs[row.ID] = msg
			}
			if msg.Text != text {
				msg.Text = text
				m.changed++
				m.dirty[lang] = true
			}
		}
		if row.Note != "" {
			if msg := file(m.src)[row.ID]; msg != nil && msg.Description != row.Note {
				msg.Description = row.Note
				m.dirty[m.src] = true
			}
		}
	}
}

// setAppendix is the TOML appended to set.toml for new categories and
// phrases; appending keeps the authors' comments and layout.
func (m *merger) setAppendix() []byte {
	var b bytes.Buffer
	b.WriteString("\n# Added by firstline pack import.\n")
	for _, c := range m.newCats {
		fmt.Fprintf(&b, "\n[[category]]\nid = %s\n", tomlString(c))
	}
	for _, p := range m.newDefs {
		fmt.Fprintf(&b, "\n[[phrase]]\nid = %s\ncategory = %s\nkind = %s\n", tomlString(p.ID), tomlString(p.Category), tomlString(p.Kind))
		if len(p.Options) > 0 {
			var q []string
			for _, o := range p.Options {
				q = append(q, tomlString(o))
			}
			fmt.Fprintf(&b, "options = [%s]\n", strings.Join(q, ", "))
		}
	}
	return b.Bytes()
}

// reviews records every imported cell as reviewed against the merged
// source text.
func (m *merger) reviews(files map[string][]byte, setDir, by string, date time.Time) {
	srcMsgs := m.msgs[m.src]
	srcText := func(id string) string {
		if srcMsgs != nil && srcMsgs[id] != nil {
			return srcMsgs[id].Text
		}
		if s := m.set.Text(m.src, id); s != "" {
			return s
		}
		base, _, _ := strings.Cut(id, "__")
		if srcMsgs != nil && srcMsgs[base] != nil {
			return srcMsgs[base].Text
		}
		return m.set.SourceText(id)
	}
	for _, lang := range m.sh.Langs {
		entries := map[string]ReviewEntry{}
		if rf := m.set.Reviews[lang]; rf != nil {
			for id, e := range rf.Entries {
				entries[id] = e
			}
		}
		n := 0
		for _, row := range m.sh.Rows {
			if _, ok := row.Texts[lang]; ok {
				entries[row.ID] = ReviewEntry{ID: row.ID, By: by, Date: date, SourceHash: SourceHash(srcText(row.ID))}
				n++
			}
		}
		if n > 0 {
			files[filepath.Join(setDir, "review."+lang+".toml")] = encodeReview(entries)
		}
	}
}
