package source

import (
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// The TOML parser does not expose key positions, so authoring errors find
// their line by scanning the file text. A line of 0 means "not found".

var idValueRE = regexp.MustCompile(`\bid\s*=\s*["']([^"']*)["']`)

// idLines maps every `id = "X"` value in a structure file to the lines
// where it occurs, in order.
func idLines(data []byte) map[string][]int {
	m := map[string][]int{}
	for i, line := range strings.Split(string(data), "\n") {
		for _, sub := range idValueRE.FindAllStringSubmatch(line, -1) {
			m[sub[1]] = append(m[sub[1]], i+1)
		}
	}
	return m
}

// keyLines maps the message IDs of a go-i18n TOML file to the line of the
// table header or key that starts them.
func keyLines(data []byte) map[string]int {
	m := map[string]int{}
	prefix := ""
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimSpace(raw)
		switch {
		case line == "" || line[0] == '#':
		case strings.HasPrefix(line, "["):
			end := strings.LastIndex(line, "]")
			if end < 0 {
				continue
			}
			prefix = unquoteKey(strings.Trim(line[:end], "[] \t"))
			if _, ok := m[prefix]; !ok {
				m[prefix] = i + 1
			}
		default:
			k, _, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			k = unquoteKey(strings.TrimSpace(k))
			if prefix != "" {
				k = prefix + "." + k
			}
			if _, ok := m[k]; !ok {
				m[k] = i + 1
			}
		}
	}
	return m
}

func unquoteKey(k string) string {
	var parts []string
	for _, p := range strings.Split(k, ".") {
		parts = append(parts, strings.Trim(strings.TrimSpace(p), `"'`))
	}
	if len(k) > 1 && (k[0] == '"' || k[0] == '\'') && k[len(k)-1] == k[0] {
		return k[1 : len(k)-1] // one quoted key may contain dots
	}
	return strings.Join(parts, ".")
}

// declarationLines returns a func giving, on its n-th call for an ID, the
// line of that ID's n-th declaration (0 when unknown), so a duplicate is
// reported at its own line.
func declarationLines(lines map[string][]int) func(id string) int {
	nth := map[string]int{}
	return func(id string) int {
		n := nth[id]
		nth[id]++
		if l := lines[id]; n < len(l) {
			return l[n]
		}
		return 0
	}
}

// decodeTOML decodes a structure file into v: a syntax error is reported
// with its line and column (false: nothing to use), and each key the
// format does not have is warned about.
func (s *Sources) decodeTOML(path string, data []byte, v any) bool {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		s.issues = append(s.issues, tomlIssue(path, err))
		return false
	}
	for _, k := range md.Undecoded() {
		s.warnf(path, 0, "unknown key %q", k.String())
	}
	return true
}
