//go:build !wasm

package main

import (
	"context"
	"errors"
	"io"
)

func packVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("pack verify: not implemented yet")
}
