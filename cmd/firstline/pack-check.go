//go:build !wasm

package main

import (
	"context"
	"errors"
	"io"
)

func packCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("pack check: not implemented yet")
}
