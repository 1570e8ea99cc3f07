//go:build !wasm

// Command firstline is the firstline server and authoring tool.
//
//	firstline serve [-addr 127.0.0.1:8000]   serve the app and its packs
//	firstline keygen -name NAME -out DIR     make a signing key pair
//	firstline pack <check|import|export|review|build|verify|bundle|synth> ...
//
// Exit codes: 0 success, 1 a failed check or operation, 2 bad usage.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "firstline:", err)
		os.Exit(exitCode(err))
	}
}

// usageError marks an error in how the command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

const usage = `usage: firstline <command> [flags]

commands:
  serve    serve the app and the content packs
  keygen   make a signing key pair
  pack     author, check, build, verify and bundle content packs
  export   write the app and its packs as a static site
`

// Run runs the command line args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command"}
	}
	switch args[0] {
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "keygen":
		return runKeygen(ctx, args[1:], stdout, stderr)
	case "pack":
		return runPack(ctx, args[1:], stdout, stderr)
	case "export":
		return runExport(ctx, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
}
