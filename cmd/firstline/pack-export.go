//go:build !wasm

package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/firstline/firstline/phrases/source"
)

const packExportUsage = `usage: firstline pack export -set ID [-langs en,ar] SRC OUT.csv|OUT.tsv|-

Writes set ID as a spreadsheet for translators: id, category, kind,
options, note, then the source language and the -langs columns (default:
every language of the set). OUT "-" writes to stdout. pack import reads
the file back.
`

func packExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("pack export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, packExportUsage) }
	set := fs.String("set", "", "phrase set ID")
	langs := fs.String("langs", "", "comma-separated BCP 47 tags (default: all of the set)")
	if err := fs.Parse(args); err != nil {
		return usageError{"pack export: " + err.Error()}
	}
	if fs.NArg() != 2 || *set == "" {
		fs.Usage()
		return usageError{"pack export: want -set, a SRC folder and an output file"}
	}
	dir, out := fs.Arg(0), fs.Arg(1)
	s, err := source.Load(dir)
	if err != nil {
		return fmt.Errorf("pack export: %w", err)
	}
	var list []string
	if *langs != "" {
		list = strings.Split(*langs, ",")
	} else if st := s.Set(*set); st != nil {
		list = st.LangList()
	}
	var b bytes.Buffer
	opts := source.ExportOptions{TSV: strings.HasSuffix(strings.ToLower(out), ".tsv")}
	if err := source.ExportCSV(&b, s, *set, list, opts); err != nil {
		return fmt.Errorf("pack export: %w", err)
	}
	if out == "-" {
		_, err = stdout.Write(b.Bytes())
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("pack export: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", out)
	return nil
}
