//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/firstline/firstline/phrases/pack"
	"github.com/firstline/firstline/phrases/pack/fsrepo"
)

const packBundleUsage = `usage: firstline pack bundle -packs ID,ID... [-pub PUB] REPO OUT.flpack

Writes the chosen packs of the repository REPO, with its signed catalog,
into one side-load bundle for devices without network. The app verifies
a bundle exactly like a download. With -pub, the repository is verified
before and the bundle after writing; OUT is replaced only by a complete
bundle.
`

func packBundle(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("pack bundle", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, packBundleUsage) }
	packs := fl.String("packs", "", "comma-separated pack ids")
	pubFile := fl.String("pub", "", "file of trusted public keys: verify before and after")
	if err := fl.Parse(args); err != nil {
		return usageError{"pack bundle: " + err.Error()}
	}
	var ids []string
	for _, id := range strings.Split(*packs, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 || fl.NArg() != 2 {
		fl.Usage()
		return usageError{"pack bundle: need -packs, REPO and OUT"}
	}
	repo, out := fl.Arg(0), fl.Arg(1)
	now := timeNow()

	var keys pack.Keys
	if *pubFile != "" {
		var err error
		if keys, err = readKeys(*pubFile); err != nil {
			return fmt.Errorf("pack bundle: %v", err)
		}
		r, err := fsrepo.Open(repo, keys, now)
		if err == nil && r == nil {
			return fmt.Errorf("pack bundle: %s: no catalog", repo)
		}
		if err != nil {
			return fmt.Errorf("pack bundle: %s: %v", repo, err)
		}
		if err := r.CheckBlobs(os.DirFS(repo)); err != nil {
			return fmt.Errorf("pack bundle: %s: %v", repo, err)
		}
	}
	if err := fsrepo.WriteBundle(repo, ids, out); err != nil {
		return fmt.Errorf("pack bundle: %v", err)
	}
	st, err := os.Stat(out)
	if err != nil {
		return fmt.Errorf("pack bundle: %v", err)
	}
	if *pubFile != "" {
		_, f, err := fsrepo.ReadBundle(out, keys, nil, now)
		if f != nil {
			f.Close()
		}
		if err != nil {
			os.Remove(out)
			return fmt.Errorf("pack bundle: written bundle does not verify (removed): %v", err)
		}
	}
	fmt.Fprintf(stdout, "%s: %d packs, %s\n", out, len(ids), byteSize(st.Size()))
	return nil
}
