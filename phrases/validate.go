package phrases

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ValidID reports whether id is a message or content ID: lower-case ASCII
// letters, digits, '-', '_' and '.', at most MaxIDLen bytes.
func ValidID(id string) bool {
	if id == "" || len(id) > MaxIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func checkID(what, id string) error {
	if !ValidID(id) {
		return fmt.Errorf("%s id %q: want 1-%d of a-z 0-9 . _ -", what, id, MaxIDLen)
	}
	return nil
}

// validLang is a cheap well-formedness check of a BCP 47 tag; the
// authoring side checks tags against the registry with x/text.
func validLang(tag string) bool {
	if tag == "" || len(tag) > 35 {
		return false
	}
	for _, part := range strings.Split(tag, "-") {
		if part == "" || len(part) > 8 {
			return false
		}
		for i := 0; i < len(part); i++ {
			c := part[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				return false
			}
		}
	}
	return true
}

func checkLang(tag string) error {
	if !validLang(tag) {
		return fmt.Errorf("lang %q is not a BCP 47 tag", tag)
	}
	return nil
}

func checkDir(dir string) error {
	if dir != LTR && dir != RTL {
		return fmt.Errorf("dir %q is not ltr or rtl", dir)
	}
	return nil
}

// checkText checks a text's length in runes; empty is allowed only if
// optional.
func checkText(what, s string, max int, optional bool) error {
	if strings.TrimSpace(s) == "" {
		if optional && s == "" {
			return nil
		}
		return fmt.Errorf("%s is empty", what)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Errorf("%s is %d characters, limit %d", what, n, max)
	}
	return nil
}

func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return s[5:7] >= "01" && s[5:7] <= "12" && s[8:10] >= "01" && s[8:10] <= "31"
}

// DirOf returns the text direction stored in a pack for script, an ISO
// 15924 code such as "Arab" or "Latn".
func DirOf(script string) string {
	switch script {
	case "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Mand", "Samr", "Rohg":
		return RTL
	}
	return LTR
}
