//go:build !wasm

package main

import (
	"context"
	"errors"
	"io"
)

func packBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("pack build: not implemented yet")
}
