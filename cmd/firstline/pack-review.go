//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/firstline/firstline/phrases/source"
)

const packReviewUsage = `usage: firstline pack review -set ID -lang L -by NAME [-date YYYY-MM-DD] SRC

Records that NAME reviewed every message currently translated into L in
phrase set ID (or -set guide for the field guide): writes
review.<L>.toml. A review holds while the source text it was made against
is unchanged; when the source changes, the translation is draft again.
`

func packReview(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("pack review", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, packReviewUsage) }
	set := fs.String("set", "", "phrase set ID, or \"guide\"")
	lang := fs.String("lang", "", "BCP 47 tag of the reviewed language")
	by := fs.String("by", "", "name of the reviewer")
	date := fs.String("date", "", "review date, YYYY-MM-DD (default today)")
	if err := fs.Parse(args); err != nil {
		return usageError{"pack review: " + err.Error()}
	}
	if fs.NArg() != 1 || *set == "" || *lang == "" || *by == "" {
		fs.Usage()
		return usageError{"pack review: want -set, -lang, -by and one SRC folder"}
	}
	day := time.Now()
	if *date != "" {
		d, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return usageError{fmt.Sprintf("pack review: -date %q: want YYYY-MM-DD", *date)}
		}
		day = d
	}
	if err := source.MarkReviewed(fs.Arg(0), *set, *lang, *by, day); err != nil {
		return fmt.Errorf("pack review: %w", err)
	}
	fmt.Fprintf(stdout, "%s %s: marked reviewed by %s on %s\n", *set, *lang, *by, day.Format("2006-01-02"))
	return nil
}
