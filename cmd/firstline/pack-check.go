//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/firstline/firstline/phrases/source"
)

const packCheckUsage = `usage: firstline pack check [-strict] [-json] SRC

Checks the content sources in SRC (see phrases/FORMAT.md) and prints a
coverage table per content and language to stdout, and errors and warnings
as file:line: messages to stderr. Exits 1 if there is any error.

  -strict  warnings are errors, and every language present must be complete
  -json    print the whole report (issues and coverage) as JSON to stdout
`

func packCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("pack check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, packCheckUsage) }
	strict := fs.Bool("strict", false, "warnings are errors; every language must be complete")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return usageError{"pack check: " + err.Error()}
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{"pack check: want one SRC folder"}
	}
	s, err := source.Load(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("pack check: %w", err)
	}
	r := source.Check(s, *strict)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else {
		printCoverage(stdout, r.Coverage)
		for _, is := range r.Issues {
			fmt.Fprintln(stderr, is)
		}
		fmt.Fprintf(stdout, "%s, %s\n", plural(r.Errors, "error"), plural(r.Warnings, "warning"))
	}
	if !r.OK() {
		return errors.New("pack check: " + plural(r.Errors, "error"))
	}
	return nil
}

func printCoverage(w io.Writer, cov []source.Coverage) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "content\tlang\ttotal\ttranslated\t\treviewed\t\taudio\t")
	for _, c := range cov {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%d\t%s\t%d\t\n", c.Content, c.Lang, c.Total,
			c.Translated, percent(c.Translated, c.Total), c.Reviewed, percent(c.Reviewed, c.Total), c.Audio)
	}
	tw.Flush()
}

func percent(n, total int) string {
	if total == 0 {
		return "-"
	}
	return fmt.Sprintf("%d%%", n*100/total)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
