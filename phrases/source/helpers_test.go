package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sampleDir = "../testdata/sample"

// copySample copies the sample sources to a temporary folder a test may
// change.
func copySample(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "src")
	if err := os.CopyFS(dir, os.DirFS(sampleDir)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// edit replaces old by new in the file rel under dir; old must occur.
func edit(t testing.TB, dir, rel, old, new string) {
	t.Helper()
	path := filepath.Join(dir, rel)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	writeFile(t, dir, rel, strings.Replace(string(b), old, new, 1))
}

func appendFile(t testing.TB, dir, rel, text string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, rel, string(b)+text)
}

func writeFile(t testing.TB, dir, rel, content string) {
	t.Helper()
	path := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustLoad(t testing.TB, dir string) *Sources {
	t.Helper()
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// issuesText renders a report's issues with paths relative to dir.
func issuesText(r *Report, dir string) string {
	var b strings.Builder
	for _, is := range r.Issues {
		is.File = strings.TrimPrefix(filepath.ToSlash(strings.TrimPrefix(is.File, dir)), "/")
		b.WriteString(is.String() + "\n")
	}
	return b.String()
}

// snapshot returns every file under dir with its content.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
