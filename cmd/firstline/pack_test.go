//go:build !wasm

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
)

// run runs the command line and returns stdout, stderr and the exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), args, &stdout, &stderr)
	code := 0
	if err != nil {
		code = exitCode(err)
		stderr.WriteString(err.Error())
	}
	return stdout.String(), stderr.String(), code
}

func TestKeygen(t *testing.T) {
	dir := t.TempDir()
	out, errs, code := run(t, "keygen", "-name", "firstline-test", "-out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(out+errs, "PRIVATE") {
		t.Error("private key printed")
	}
	st, err := os.Stat(filepath.Join(dir, "firstline-test.key"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := st.Mode().Perm(), os.FileMode(0o600); got != want {
		t.Errorf("key mode %v, want %v", got, want)
	}
	pub, err := os.ReadFile(filepath.Join(dir, "firstline-test.pub"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pack.ParseKeys(string(pub)); err != nil {
		t.Error(err)
	}
	key, _ := os.ReadFile(filepath.Join(dir, "firstline-test.key"))
	if _, _, code := run(t, "keygen", "-name", "firstline-test", "-out", dir); code != 1 {
		t.Errorf("overwrite: exit %d, want 1", code)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "firstline-test.key")); !bytes.Equal(again, key) {
		t.Error("key overwritten")
	}
	for _, args := range [][]string{
		{"keygen"},
		{"keygen", "-name", "a/b", "-out", dir},
		{"keygen", "-name", "x", "-out", dir, "extra"},
		{"keygen", "-bogus"},
	} {
		if _, _, code := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestPackBuildVerifyBundle(t *testing.T) {
	dir := t.TempDir()
	// Two small regional packs: the default content is another
	// engineer's, and changes under us.
	src := filepath.Join("testdata", "packsrc")
	if _, errs, code := run(t, "keygen", "-name", "firstline-test", "-out", dir); code != 0 {
		t.Fatal(errs)
	}
	key, pub := filepath.Join(dir, "firstline-test.key"), filepath.Join(dir, "firstline-test.pub")
	repo := filepath.Join(dir, "repo")

	out, errs, code := run(t, "pack", "build", "-key", key, src, repo)
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "catalog seq 1") {
		t.Errorf("build: %q, want catalog seq 1", out)
	}
	out, errs, code = run(t, "pack", "build", "-key", key, src, repo)
	if code != 0 || !strings.Contains(out, "nothing changed") {
		t.Errorf("rebuild: exit %d, %q %s, want nothing changed", code, out, errs)
	}
	if out, errs, code = run(t, "pack", "verify", "-pub", pub, repo); code != 0 {
		t.Fatalf("verify: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, ": ok: ") {
		t.Errorf("verify: %q", out)
	}

	// A bundle of the first pack verifies too.
	catData, _ := os.ReadFile(filepath.Join(repo, "catalog"))
	keys, _ := pack.ParseKeys(mustRead(t, pub))
	cat, err := pack.OpenCatalog(catData, keys, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	id := cat.Packs[0].ID
	bundle := filepath.Join(dir, "x.flpack")
	if _, errs, code := run(t, "pack", "bundle", "-packs", id, "-pub", pub, repo, bundle); code != 0 {
		t.Fatalf("bundle: exit %d: %s", code, errs)
	}
	if out, errs, code := run(t, "pack", "verify", "-pub", pub, bundle); code != 0 || !strings.Contains(out, "1 of ") {
		t.Fatalf("verify bundle: exit %d: %q %s", code, out, errs)
	}

	// Another key is not trusted; a changed blob fails.
	if _, errs, code := run(t, "keygen", "-name", "other", "-out", dir); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := run(t, "pack", "verify", "-pub", filepath.Join(dir, "other.pub"), repo); code != 1 || !strings.Contains(errs, "no signature by a trusted key") {
		t.Errorf("other key: exit %d: %s", code, errs)
	}
	if _, errs, code := run(t, "pack", "build", "-key", filepath.Join(dir, "other.key"), src, repo); code != 1 {
		t.Errorf("build over a repository signed by another key: exit %d: %s", code, errs)
	}
	blobs, _ := filepath.Glob(filepath.Join(repo, "blobs", "*"))
	mangled := blobs[len(blobs)/2]
	data, _ := os.ReadFile(mangled)
	data[len(data)/2] ^= 1
	os.WriteFile(mangled, data, 0o644)
	if _, errs, code := run(t, "pack", "verify", "-pub", pub, repo); code != 1 || !strings.Contains(errs, "sha256") {
		t.Errorf("mangled blob: exit %d: %s", code, errs)
	}

	// An expired catalog fails verification.
	timeNow = func() time.Time { return time.Now().Add(1000 * time.Hour) }
	defer func() { timeNow = time.Now }()
	if _, errs, code := run(t, "pack", "verify", "-pub", pub, bundle); code != 1 || !strings.Contains(errs, "expired") {
		t.Errorf("expired: exit %d: %s", code, errs)
	}
}

func TestPackUsage(t *testing.T) {
	for _, args := range [][]string{
		{"pack", "build"},
		{"pack", "build", "-key", "k", "src"},
		{"pack", "build", "-key", "k", "-validity", "-1h", "src", "out"},
		{"pack", "verify", "repo"},
		{"pack", "bundle", "repo", "out"},
		{"pack", "bundle", "-packs", "a", "repo"},
	} {
		if _, _, code := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
