//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sampleSrc = "../../phrases/testdata/sample"

func runCLI(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = Run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

func copySrc(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "src")
	if err := os.CopyFS(dir, os.DirFS(sampleSrc)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestPackAuthoringUsage(t *testing.T) {
	tests := [][]string{
		{"pack", "check"},
		{"pack", "check", "-nope", sampleSrc},
		{"pack", "import", "x.csv", sampleSrc},
		{"pack", "export", "-set", "sample", sampleSrc},
		{"pack", "review", "-set", "sample", "-lang", "fr", sampleSrc},
		{"pack", "review", "-set", "sample", "-lang", "fr", "-by", "A", "-date", "26/11/2026", sampleSrc},
	}
	for _, args := range tests {
		_, _, err := runCLI(t, args...)
		var u usageError
		if !errors.As(err, &u) || exitCode(err) != 2 {
			t.Errorf("%v: got %v, want a usage error", args, err)
		}
	}
}

func TestPackCheck(t *testing.T) {
	out, errOut, err := runCLI(t, "pack", "check", "-strict", sampleSrc)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	for _, want := range []string{"content     lang  total  translated", "set sample  ar    12     12          100%", "0 errors, 0 warnings"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}

	out, _, err = runCLI(t, "pack", "check", "-json", sampleSrc)
	var r struct {
		Errors   int
		Coverage []struct{ Content, Lang string }
	}
	if err != nil || json.Unmarshal([]byte(out), &r) != nil || r.Errors != 0 || len(r.Coverage) != 6 {
		t.Errorf("-json: err %v, report %+v:\n%s", err, r, out)
	}

	dir := copySrc(t)
	os.WriteFile(filepath.Join(dir, "sets/sample/active.xx.toml"), nil, 0o644)
	out, errOut, err = runCLI(t, "pack", "check", dir)
	if err == nil || exitCode(err) != 1 || !strings.Contains(errOut, `active.xx.toml: error: invalid BCP 47 tag "xx"`) || !strings.Contains(out, "1 error, 0 warnings") {
		t.Errorf("bad sources: err %v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
	}
}

func TestPackExportImportReview(t *testing.T) {
	dir := copySrc(t)
	sheet := filepath.Join(t.TempDir(), "sample.tsv")
	if _, errOut, err := runCLI(t, "pack", "export", "-set", "sample", "-langs", "fr,ru", dir, sheet); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	b, _ := os.ReadFile(sheet)
	if !strings.HasPrefix(string(b), "\uFEFFid\tcategory\tkind\toptions\tnote\ten\tfr\tru\n") {
		t.Errorf("exported header: %q", strings.SplitN(string(b), "\n", 2)[0])
	}
	os.WriteFile(sheet, []byte(strings.Replace(string(b), "Je ne sais pas", "Je ne sais pas.", 1)), 0o644)
	out, errOut, err := runCLI(t, "pack", "import", "-set", "sample", "-reviewed-by", "Test Reviewer", sheet, dir)
	if err != nil || !strings.Contains(out, "1 texts changed") {
		t.Fatalf("import: %v\n%s%s", err, out, errOut)
	}
	if _, errOut, err := runCLI(t, "pack", "review", "-set", "sample", "-lang", "ru", "-by", "R", "-date", "2026-11-26", dir); err != nil {
		t.Fatalf("review: %v\n%s", err, errOut)
	}
	out, _, _ = runCLI(t, "pack", "check", "-strict", dir)
	if !strings.Contains(out, "set sample  ru    12     12          100%  12        100%") {
		t.Errorf("after review:\n%s", out)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("id,fr\nyes,Oui\n"), 0o644)
	_, _, err = runCLI(t, "pack", "import", "-set", "sample", bad, dir)
	if err == nil || !strings.Contains(err.Error(), `bad.csv:1: error: no column for the source language "en"`) {
		t.Errorf("bad import: %v", err)
	}
}
