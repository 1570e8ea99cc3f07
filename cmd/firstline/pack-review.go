//go:build !wasm

package main

import (
	"context"
	"errors"
	"io"
)

func packReview(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("pack review: not implemented yet")
}
