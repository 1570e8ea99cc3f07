//go:build !wasm

package main

import (
	"context"
	"fmt"
	"io"
)

const packUsage = `usage: firstline pack <subcommand> [flags]

subcommands:
  check    validate sources and print a coverage report
  import   spreadsheet (CSV/TSV) to sources
  export   sources to a spreadsheet (CSV)
  review   mark a language's translations as reviewed by a person
  build    build a signed pack repository from sources
  verify   verify a pack repository or bundle
  bundle   make a side-load bundle (.flpack) from a repository
`

func runPack(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, packUsage)
		return usageError{"pack: no subcommand"}
	}
	sub := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"check":  packCheck,
		"import": packImport,
		"export": packExport,
		"review": packReview,
		"build":  packBuild,
		"verify": packVerify,
		"bundle": packBundle,
	}
	run, ok := sub[args[0]]
	if !ok {
		fmt.Fprint(stderr, packUsage)
		return usageError{fmt.Sprintf("pack: unknown subcommand %q", args[0])}
	}
	return run(ctx, args[1:], stdout, stderr)
}
