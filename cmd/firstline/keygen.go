//go:build !wasm

package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

const keygenUsage = `usage: firstline keygen -name NAME -out DIR

Makes an ed25519 signing key pair for content packs: DIR/NAME.key (the
private signer key, mode 0600: keep it offline) and DIR/NAME.pub (the
public verifier key, compiled into the app). Never overwrites a key.
`

func runKeygen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("keygen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, keygenUsage) }
	name := fl.String("name", "", "key name, e.g. firstline-2026")
	out := fl.String("out", "", "directory for NAME.key and NAME.pub")
	if err := fl.Parse(args); err != nil {
		return usageError{"keygen: " + err.Error()}
	}
	if *name == "" || *out == "" || fl.NArg() != 0 {
		fl.Usage()
		return usageError{"keygen: need -name and -out, and no arguments"}
	}
	if strings.ContainsAny(*name, `/\+ `) || strings.HasPrefix(*name, ".") {
		return usageError{fmt.Sprintf("keygen: bad key name %q: no '/', '\\', '+', spaces or leading '.'", *name)}
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, *name)
	if err != nil {
		return fmt.Errorf("keygen: %v", err)
	}
	// A new key folder is private: it holds the signing key.
	if err := os.MkdirAll(*out, 0o700); err != nil {
		return fmt.Errorf("keygen: %v", err)
	}
	keyPath := filepath.Join(*out, *name+".key")
	pubPath := filepath.Join(*out, *name+".pub")
	for _, p := range []string{keyPath, pubPath} {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("keygen: %s exists: not overwriting a key", p)
		}
	}
	if err := writeNew(keyPath, skey+"\n", 0o600); err != nil {
		return fmt.Errorf("keygen: %v", err)
	}
	if err := writeNew(pubPath, vkey+"\n", 0o644); err != nil {
		os.Remove(keyPath)
		return fmt.Errorf("keygen: %v", err)
	}
	fmt.Fprintf(stdout, "wrote %s (private: keep it offline) and %s:\n%s\n", keyPath, pubPath, vkey)
	return nil
}

// writeNew creates name with data, failing if it exists.
func writeNew(name, data string, perm os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}
