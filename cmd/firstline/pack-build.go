//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"github.com/firstline/firstline/phrases/pack/fsrepo"
	"github.com/firstline/firstline/phrases/source"
	"golang.org/x/mod/sumdb/note"
)

const packBuildUsage = `usage: firstline pack build -key KEY [-extra-key KEY2]... [-validity 720h] SRC OUT_REPO

Builds the sources in SRC into the signed pack repository OUT_REPO
(created if missing): OUT_REPO/catalog and OUT_REPO/blobs/<sha256>.
Unchanged packs keep their version; changed ones get version + 1. The
existing catalog must verify with one of the given keys. Nothing in
OUT_REPO changes if the build fails. During a key rotation, sign with the
new key (-key) and the old one (-extra-key).
`

// timeNow is the clock of the pack commands; tests set it.
var timeNow = time.Now

// stringsFlag collects a repeatable flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func packBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("pack build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, packBuildUsage) }
	keyFile := fl.String("key", "", "private signer key file (from firstline keygen)")
	var extra stringsFlag
	fl.Var(&extra, "extra-key", "another signer key file, for key rotation (repeatable)")
	validity := fl.Duration("validity", 720*time.Hour, "how long the catalog stays valid")
	if err := fl.Parse(args); err != nil {
		return usageError{"pack build: " + err.Error()}
	}
	if *keyFile == "" || fl.NArg() != 2 {
		fl.Usage()
		return usageError{"pack build: need -key, SRC and OUT_REPO"}
	}
	if *validity <= 0 {
		return usageError{"pack build: -validity must be positive"}
	}
	src, out := fl.Arg(0), fl.Arg(1)

	var signers []note.Signer
	var keys pack.Keys
	for _, file := range append([]string{*keyFile}, extra...) {
		data, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("pack build: %v", err)
		}
		s, vkey, err := pack.ParseSignerKey(string(data))
		if err != nil {
			return fmt.Errorf("pack build: %s: %v", file, err)
		}
		k, err := pack.ParseKeys(vkey)
		if err != nil {
			return fmt.Errorf("pack build: %s: %v", file, err)
		}
		signers = append(signers, s)
		keys = keys.Add(k)
	}

	s, err := source.Load(src)
	if err != nil {
		return fmt.Errorf("pack build: %v", err)
	}
	contents, err := source.Packs(s)
	if err != nil {
		return fmt.Errorf("pack build: %v", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b, err := fsrepo.Build(out, contents, signers, keys, timeNow(), *validity)
	if err != nil {
		return fmt.Errorf("pack build: %v", err)
	}

	count := map[pack.Change]int{}
	tty := isTerminal(stderr)
	for _, p := range b.Packs {
		count[p.Change]++
		if tty {
			fmt.Fprintf(stderr, "%-10s %s v%d (%d files, %s)\n", p.Change, p.ID, p.Version, p.Files, byteSize(p.Size))
		}
	}
	if !b.Changed {
		fmt.Fprintf(stdout, "%s: nothing changed; catalog seq %d left as is (%d packs, expires %s)\n",
			out, b.Catalog.Seq, len(b.Catalog.Packs), b.Catalog.Expires.Format(time.RFC3339))
		return nil
	}
	fmt.Fprintf(stdout, "%s: catalog seq %d, %d packs: %d added, %d updated, %d re-signed, %d unchanged, %d removed; expires %s\n",
		out, b.Catalog.Seq, len(b.Catalog.Packs), count[pack.Added], count[pack.Updated], count[pack.Resigned],
		count[pack.Unchanged], count[pack.Removed], b.Catalog.Expires.Format(time.RFC3339))
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
