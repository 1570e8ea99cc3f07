package source

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// writeFiles replaces every file in files, all or nothing as far as the
// file system allows: each is first written to a temporary file beside
// its target, and only when all of them are written are they renamed.
func writeFiles(files map[string][]byte) (err error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	temps := map[string]string{}
	defer func() {
		if err != nil {
			for _, tmp := range temps {
				os.Remove(tmp)
			}
		}
	}()
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
		f, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".tmp*")
		if err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
		temps[p] = f.Name()
		_, werr := f.Write(files[p])
		serr := f.Sync()
		cerr := f.Close()
		if err := errors.Join(werr, serr, cerr); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
	}
	for _, p := range paths {
		if err := os.Rename(temps[p], p); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
		delete(temps, p)
	}
	return nil
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case utf8.RuneError:
			b.WriteString(`\uFFFD`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlKey quotes a message ID as a TOML key. IDs with dots are quoted so
// that go-i18n reads them as one flat ID.
func tomlKey(id string) string {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return tomlString(id)
		}
	}
	return id
}

// encodeMessages writes a go-i18n message file: one table per message,
// sorted by ID, with description (source language), hash and other.
func encodeMessages(msgs map[string]*Msg) []byte {
	ids := make([]string, 0, len(msgs))
	for id := range msgs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b bytes.Buffer
	for i, id := range ids {
		m := msgs[id]
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "[%s]\n", tomlKey(id))
		if m.Description != "" {
			fmt.Fprintf(&b, "description = %s\n", tomlString(m.Description))
		}
		if m.Hash != "" {
			fmt.Fprintf(&b, "hash = %s\n", tomlString(m.Hash))
		}
		fmt.Fprintf(&b, "other = %s\n", tomlString(m.Text))
	}
	return b.Bytes()
}
