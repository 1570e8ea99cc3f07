//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"github.com/firstline/firstline/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	addr := fset.String("addr", "127.0.0.1:8000", "address to listen on (host:port)")
	packsDir := fset.String("packs", "", "serve this pack repository (from `firstline pack build`) instead of the built-in default")
	lan := fset.Bool("lan", false, "also listen on this machine's LAN address and print its URL and a QR code of the "+preloadPath+" page")
	if err := fset.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fset.NArg() > 0 {
		return usageError{"serve: unexpected arguments"}
	}
	packs, err := packsFS(*packsDir)
	if err != nil {
		return err
	}
	h, err := newServer(web.FS, packs)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "firstline %s: serving on http://%s (Ctrl-C to stop)\n", h.version, displayAddr(ln.Addr()))
	if *lan {
		if ln, err = listenLAN(ln, stdout); err != nil {
			return err
		}
	}
	return serveUntilDone(ctx, ln, withPreload(h, packs))
}

// serveUntilDone serves on ln until ctx ends (SIGINT, SIGTERM), then lets
// requests in flight finish for a few seconds.
func serveUntilDone(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func displayAddr(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok && (t.IP.IsUnspecified()) {
		return fmt.Sprintf("127.0.0.1:%d", t.Port)
	}
	return a.String()
}

// packsFS opens the pack repository to serve: dir, verified to look like
// one, or the default repository built into the binary.
func packsFS(dir string) (fs.FS, error) {
	if dir == "" {
		sub, err := fs.Sub(web.FS, "packs")
		if err != nil {
			return nil, err
		}
		if _, err := fs.Stat(sub, pack.CatalogPath); err != nil {
			return nil, errors.New("no default pack repository in this build: build with `make build`, or pass -packs DIR")
		}
		return sub, nil
	}
	fsys := os.DirFS(dir)
	if _, err := fs.Stat(fsys, pack.CatalogPath); err != nil {
		return nil, fmt.Errorf("-packs %s: no %s there: is it a repository made by `firstline pack build`?", dir, pack.CatalogPath)
	}
	return fsys, nil
}
