//go:build !wasm

package main

import (
	"context"
	"errors"
	"io"
)

func packExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("pack export: not implemented yet")
}
