//go:build !wasm

package main

import (
	"context"
	"errors"
	"io"
)

func packImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("pack import: not implemented yet")
}
