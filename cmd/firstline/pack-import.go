//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/firstline/firstline/phrases/source"
)

const packImportUsage = `usage: firstline pack import -set ID [-lang-source en] [-reviewed-by NAME] [-dry-run] FILE.csv|FILE.tsv SRC

Merges a phrase spreadsheet into set ID under SRC. Header row: id, and
optionally category, kind, options, note; then one column per BCP 47 tag
(the source language's column is required). Empty cells change nothing.
New phrases (with category and kind) are added to set.toml. Texts are
draft unless -reviewed-by names who reviewed them. Nothing is written if
any row has an error.
`

func packImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("pack import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, packImportUsage) }
	set := fs.String("set", "", "phrase set ID")
	srcLang := fs.String("lang-source", "en", "the source language's BCP 47 tag")
	by := fs.String("reviewed-by", "", "record the imported texts as reviewed by NAME")
	dry := fs.Bool("dry-run", false, "check and report, write nothing")
	if err := fs.Parse(args); err != nil {
		return usageError{"pack import: " + err.Error()}
	}
	if fs.NArg() != 2 || *set == "" {
		fs.Usage()
		return usageError{"pack import: want -set, a spreadsheet and a SRC folder"}
	}
	name, dir := fs.Arg(0), fs.Arg(1)
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("pack import: %w", err)
	}
	defer f.Close()
	res, err := source.ImportCSV(f, *set, *srcLang, source.ImportOptions{
		Dir: dir, Name: name, ReviewedBy: *by, DryRun: *dry})
	if err != nil {
		return fmt.Errorf("pack import:\n%w", err)
	}
	verb := "wrote"
	if *dry {
		verb = "would write"
	}
	fmt.Fprintf(stdout, "%s: %d rows, languages %s, %d texts changed, %d new phrases\n",
		filepath.Base(name), res.Rows, strings.Join(res.Langs, " "), res.Changed, len(res.Added))
	for _, p := range res.Files {
		fmt.Fprintf(stdout, "%s %s\n", verb, p)
	}
	return nil
}
