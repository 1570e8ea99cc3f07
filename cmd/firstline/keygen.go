//go:build !wasm

package main

import (
	"context"
	"errors"
	"io"
)

func runKeygen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("keygen: not implemented yet")
}
