//go:build !js

package locales

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Sources are the translators' message files, embedded for the build-time
// compiler and its tests (never in the wasm: this file is !js).
//
//go:embed active.*.toml
var Sources embed.FS

// maxFileSize bounds one message file; UI strings are a few KiB.
const maxFileSize = 1 << 20

var placeholderRE = regexp.MustCompile(`\{\{\s*\.[A-Za-z0-9_]+\s*\}\}`)

// rtlScripts are the ISO 15924 scripts written right to left.
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true, "Adlm": true}

// Dir returns "rtl" when tag's (likely) script is written right to left.
func Dir(tag language.Tag) string {
	s, _ := tag.Script()
	if rtlScripts[s.String()] {
		return "rtl"
	}
	return "ltr"
}

// Compile reads every active.<lang>.toml in fsys, checks the set against
// the source language and returns catalog.json. All problems are reported
// at once, each naming its file and message.
func Compile(fsys fs.FS) ([]byte, error) {
	files, err := Load(fsys)
	if err != nil {
		return nil, err
	}
	if err := Check(files); err != nil {
		return nil, err
	}
	c := Catalog{Messages: map[string]map[string]Message{}}
	tags := make([]string, 0, len(files))
	for tag := range files {
		tags = append(tags, tag)
	}
	sort.Slice(tags, func(i, j int) bool { // source first, then by tag
		if (tags[i] == Source) != (tags[j] == Source) {
			return tags[i] == Source
		}
		return tags[i] < tags[j]
	})
	for _, tag := range tags {
		msgs := map[string]Message{}
		for id, m := range files[tag].Messages {
			forms := Message{}
			for form, text := range m.Forms {
				forms[form] = text
			}
			msgs[id] = forms
		}
		c.Messages[tag] = msgs
		c.Langs = append(c.Langs, Lang{Tag: tag, Name: msgs["lang.name"]["other"], Dir: Dir(language.Make(tag))})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// File is one parsed message file.
type File struct {
	Path     string
	Tag      language.Tag
	Messages map[string]FileMessage
}

// FileMessage is one message as a translator wrote it.
type FileMessage struct {
	Description string
	Forms       map[string]string // plural form -> text
}

// Load parses every active.<lang>.toml in fsys with go-i18n, keyed by the
// tag as written in the file name.
func Load(fsys fs.FS) (map[string]*File, error) {
	names, err := fs.Glob(fsys, "active.*.toml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, errors.New("locales: no active.<lang>.toml files")
	}
	unmarshal := map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}
	files := map[string]*File{}
	for _, name := range names {
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if len(buf) > maxFileSize {
			return nil, fmt.Errorf("%s: %d bytes, over the %d byte limit", name, len(buf), maxFileSize)
		}
		mf, err := i18n.ParseMessageFileBytes(buf, name, unmarshal)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		tag := strings.TrimSuffix(strings.TrimPrefix(path.Base(name), "active."), ".toml")
		f := &File{Path: name, Tag: mf.Tag, Messages: map[string]FileMessage{}}
		for _, m := range mf.Messages {
			forms := map[string]string{}
			for form, text := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
				if text != "" {
					forms[form] = text
				}
			}
			f.Messages[m.ID] = FileMessage{Description: m.Description, Forms: forms}
		}
		files[tag] = f
	}
	return files, nil
}

// Check reports every way the locales differ from the source language: a
// missing or extra key, a placeholder that differs, an empty text, a
// missing description in the source, or a plural form the language's CLDR
// rules need for whole numbers.
func Check(files map[string]*File) error {
	src, ok := files[Source]
	if !ok {
		return fmt.Errorf("locales: no source file active.%s.toml", Source)
	}
	var errs []string
	for id, m := range src.Messages {
		if strings.TrimSpace(m.Description) == "" {
			errs = append(errs, fmt.Sprintf("%s: %q has no description for translators", src.Path, id))
		}
	}
	for _, tag := range sortedKeys(files) {
		f := files[tag]
		for _, id := range sortedKeys(src.Messages) {
			m, ok := f.Messages[id]
			if !ok {
				errs = append(errs, fmt.Sprintf("%s: missing %q", f.Path, id))
				continue
			}
			errs = append(errs, checkMessage(f, id, m, src.Messages[id])...)
		}
		for _, id := range sortedKeys(f.Messages) {
			if _, ok := src.Messages[id]; !ok {
				errs = append(errs, fmt.Sprintf("%s: %q is not in the source %s", f.Path, id, src.Path))
			}
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

func checkMessage(f *File, id string, m, src FileMessage) []string {
	var errs []string
	want := placeholders(src.Forms["other"])
	for form, text := range m.Forms {
		if strings.TrimSpace(text) == "" {
			errs = append(errs, fmt.Sprintf("%s: %q %s is empty", f.Path, id, form))
		}
		if got := placeholders(text); !slices.Equal(got, want) {
			errs = append(errs, fmt.Sprintf("%s: %q %s has placeholders %v, the source has %v", f.Path, id, form, got, want))
		}
	}
	if _, ok := m.Forms["other"]; !ok {
		errs = append(errs, fmt.Sprintf("%s: %q has no \"other\" text", f.Path, id))
	}
	if len(src.Forms) > 1 { // a plural message
		for _, form := range integerForms(f.Tag) {
			if _, ok := m.Forms[form]; !ok {
				errs = append(errs, fmt.Sprintf("%s: %q lacks the plural form %q that %s needs", f.Path, id, form, f.Tag))
			}
		}
	}
	return errs
}

// integerForms lists the CLDR plural forms whole numbers take in tag.
func integerForms(tag language.Tag) []string {
	seen := map[string]bool{}
	var forms []string
	for n := 0; n <= 1000; n++ {
		form := pluralForm(tag.String(), n)
		if !seen[form] {
			seen[form] = true
			forms = append(forms, form)
		}
	}
	sort.Strings(forms)
	return forms
}

func placeholders(s string) []string {
	p := placeholderRE.FindAllString(s, -1)
	for i := range p {
		p[i] = strings.ReplaceAll(p[i], " ", "")
	}
	sort.Strings(p)
	return p
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
