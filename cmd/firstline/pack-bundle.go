//go:build !wasm

package main

import (
	"context"
	"errors"
	"io"
)

func packBundle(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("pack bundle: not implemented yet")
}
