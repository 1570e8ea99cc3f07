// Command gen compiles locales/active.*.toml into locales/catalog.json,
// failing with every problem listed when a locale differs from English.
// Run it through `make i18n` (or `go generate ./locales`).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/firstline/firstline/locales"
)

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	out, err := locales.Compile(os.DirFS(dir))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(filepath.Join(dir, "catalog.json"), out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
