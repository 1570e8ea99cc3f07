package pack_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports keeps package pack fit for the wasm app: no file system,
// no network, nothing heavy. File system code goes in fsrepo.
func TestImports(t *testing.T) {
	allowed := map[string]bool{
		"bytes": true, "crypto/ed25519": true, "crypto/sha256": true, "encoding/base64": true,
		"encoding/binary": true, "encoding/hex": true, "encoding/json": true, "errors": true,
		"fmt": true, "hash": true, "io": true, "io/fs": true, "slices": true, "strconv": true,
		"strings": true, "time": true, "unicode/utf8": true, "golang.org/x/mod/sumdb/note": true,
	}
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if !allowed[path] {
				t.Errorf("%s imports %s: not for the app's wasm (use fsrepo)", name, path)
			}
		}
	}
}
