//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"github.com/firstline/firstline/phrases/pack/fsrepo"
)

const packVerifyUsage = `usage: firstline pack verify -pub PUB REPO|BUNDLE

Verifies a pack repository (a directory) or a bundle (.flpack file)
exactly as the app does: the catalog's signature and expiry, every
manifest, every blob. PUB holds the trusted public keys, one a line.
Exits 1 with the reason on the first failure.
`

func packVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("pack verify", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, packVerifyUsage) }
	pubFile := fl.String("pub", "", "file of trusted public keys")
	if err := fl.Parse(args); err != nil {
		return usageError{"pack verify: " + err.Error()}
	}
	if *pubFile == "" || fl.NArg() != 1 {
		fl.Usage()
		return usageError{"pack verify: need -pub and one REPO or BUNDLE"}
	}
	keys, err := readKeys(*pubFile)
	if err != nil {
		return fmt.Errorf("pack verify: %v", err)
	}
	path := fl.Arg(0)
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("pack verify: %v", err)
	}
	now := timeNow()

	var cat *pack.Catalog
	var manifests map[string]*pack.Manifest
	if st.IsDir() {
		r, err := fsrepo.Open(path, keys, now)
		if err == nil && r == nil {
			return fmt.Errorf("pack verify: %s: no catalog", path)
		}
		if err != nil {
			return fmt.Errorf("pack verify: %s: %v", path, err)
		}
		if err := r.CheckBlobs(os.DirFS(path)); err != nil {
			return fmt.Errorf("pack verify: %s: %v", path, err)
		}
		cat, manifests = r.Catalog, r.Manifests
	} else {
		b, f, err := fsrepo.ReadBundle(path, keys, nil, now)
		if f != nil {
			f.Close()
		}
		if err != nil {
			return fmt.Errorf("pack verify: %s: %v", path, err)
		}
		cat, manifests = b.Catalog, b.Manifests
	}
	var files, size int64
	for _, m := range manifests {
		files += int64(len(m.Files))
		size += m.Size()
	}
	fmt.Fprintf(stdout, "%s: ok: catalog seq %d issued %s, expires %s (in %s); %d of %d packs, %d files, %s verified\n",
		path, cat.Seq, cat.Issued.Format(time.RFC3339), cat.Expires.Format(time.RFC3339),
		cat.Expires.Sub(now).Round(time.Hour), len(manifests), len(cat.Packs), files, byteSize(size))
	return nil
}

func readKeys(file string) (pack.Keys, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return pack.Keys{}, err
	}
	keys, err := pack.ParseKeys(string(data))
	if err != nil {
		return pack.Keys{}, fmt.Errorf("%s: %v", file, err)
	}
	return keys, nil
}
