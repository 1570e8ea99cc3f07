//go:build !js

package locales

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// catalog.json is what the app embeds: it must be what Compile makes of
// the message files now (run `make i18n` after editing them).
func TestCatalogIsUpToDate(t *testing.T) {
	want, err := Compile(Sources)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("catalog.json is stale: run `make i18n` (or go generate ./locales)")
	}
}

func fsWith(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

const enSrc = `
["a"]
description = "A"
other = "Hello"
["n"]
description = "N"
one = "{{.Count}} item"
other = "{{.Count}} items"
`

// A locale that lacks a key English has, has a key English lacks, or
// changes a placeholder fails the build, each problem named.
func TestCheckFindsEveryDifference(t *testing.T) {
	for _, tc := range []struct {
		name, fr, want string
	}{
		{"missing key", `["n"]
one = "{{.Count}} élément"
other = "{{.Count}} éléments"`, `active.fr.toml: missing "a"`},
		{"extra key", `["a"]
other = "Bonjour"
["n"]
one = "{{.Count}} élément"
other = "{{.Count}} éléments"
["b"]
other = "En trop"`, `active.fr.toml: "b" is not in the source`},
		{"placeholder differs", `["a"]
other = "Bonjour"
["n"]
one = "{{.Count}} élément"
other = "{{.Nombre}} éléments"`, `"n" other has placeholders [{{.Nombre}}], the source has [{{.Count}}]`},
		{"plural form missing", `["a"]
other = "Bonjour"
["n"]
other = "{{.Count}} éléments"`, `"n" lacks the plural form "one" that fr needs`},
		{"empty text", `["a"]
other = " "
["n"]
one = "{{.Count}} élément"
other = "{{.Count}} éléments"`, `"a" other is empty`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile(fsWith(map[string]string{"active.en.toml": enSrc, "active.fr.toml": tc.fr}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestSourceNeedsDescriptions(t *testing.T) {
	_, err := Compile(fsWith(map[string]string{"active.en.toml": "[\"a\"]\nother = \"Hello\"\n"}))
	if err == nil || !strings.Contains(err.Error(), `"a" has no description`) {
		t.Errorf("err = %v", err)
	}
}

func TestMalformedFile(t *testing.T) {
	_, err := Compile(fsWith(map[string]string{"active.en.toml": enSrc, "active.fr.toml": "[\"a\"\nother = "}))
	if err == nil || !strings.Contains(err.Error(), "active.fr.toml") {
		t.Errorf("err = %v, want it to name the file", err)
	}
}

func FuzzCompile(f *testing.F) {
	f.Add(enSrc, "[\"a\"]\nother = \"Bonjour\"\n")
	f.Fuzz(func(t *testing.T, en, fr string) {
		out, err := Compile(fsWith(map[string]string{"active.en.toml": en, "active.fr.toml": fr}))
		if err == nil {
			if _, err := Parse(out); err != nil {
				t.Fatalf("compiled catalog does not parse: %v", err)
			}
		}
	})
}
