//go:build !wasm

package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/firstline/firstline/phrases/pack"
	"github.com/firstline/firstline/web"
)

// The wrk load: bounded, loopback only.
const (
	wrkDuration    = "5s"
	wrkThreads     = "2"
	wrkConnections = "32"
)

func wrkPath(t testing.TB) string {
	t.Helper()
	if p, err := exec.LookPath("wrk"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("no wrk found; install it with: apt-get update && apt-get install -y wrk")
	}
	t.Skip("no wrk found; install it with: apt-get update && apt-get install -y wrk")
	return ""
}

var wrkRate = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)

// runWrk loads base with the paths in turn and returns the requests per
// second and wrk's report.
func runWrk(b *testing.B, bin, script, base string) (float64, string, string) {
	b.Helper()
	args := []string{"-t", wrkThreads, "-c", wrkConnections, "-d", wrkDuration, "-s", script, "-H", "Accept-Encoding: gzip", base}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		b.Fatalf("wrk: %v\n%s", err, out)
	}
	m := wrkRate.FindSubmatch(out)
	if m == nil {
		b.Fatalf("wrk printed no rate:\n%s", out)
	}
	if strings.Contains(string(out), "Non-2xx") {
		b.Errorf("errors under load:\n%s", out)
	}
	rate, _ := strconv.ParseFloat(string(m[1]), 64)
	return rate, string(out), strings.Replace("wrk "+strings.Join(args, " "), "Accept-Encoding: gzip", `"Accept-Encoding: gzip"`, 1)
}

// BenchmarkWrkPacks serves the pack repository (the catalog and every
// blob, in turn, as a browser asks: gzip accepted) with `firstline serve`
// and with nginx from the static export, in the same run, and measures
// the requests per second wrk gets from each on loopback. Server and wrk
// share the machine's cores.
//
//	go test -run '^$' -bench WrkPacks -benchtime 1x ./cmd/firstline
func BenchmarkWrkPacks(b *testing.B) {
	bin := wrkPath(b)
	packs, err := fs.Sub(web.FS, "packs")
	if err != nil {
		b.Fatal(err)
	}
	paths := []string{PacksPrefix + pack.CatalogPath}
	blobs, _ := fs.ReadDir(packs, "blobs")
	for _, e := range blobs {
		paths = append(paths, PacksPrefix+"blobs/"+e.Name())
	}
	script := filepath.Join(b.TempDir(), "paths.lua")
	lua := "local paths = {\"" + strings.Join(paths, "\",\n\"") + "\"}\nlocal i = 0\n" +
		"request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n"
	if err := os.WriteFile(script, []byte(lua), 0o644); err != nil {
		b.Fatal(err)
	}

	app := startApp(b, nil)
	ngx := startNginx(b, packs)
	for i := 0; i < b.N; i++ {
	}
	goRate, goOut, goCmd := runWrk(b, bin, script, app.URL)
	ngxRate, ngxOut, ngxCmd := runWrk(b, bin, script, ngx.URL)
	b.ReportMetric(goRate, "firstline-req/s")
	b.ReportMetric(ngxRate, "nginx-req/s")
	fmt.Fprintf(os.Stdout, "pack files (catalog + %d blobs, gzip accepted), %s threads, %s connections, %s each, loopback, one machine:\n", len(paths)-1, wrkThreads, wrkConnections, wrkDuration)
	fmt.Fprintf(os.Stdout, "  firstline serve: %8.0f req/s   %s\n", goRate, goCmd)
	fmt.Fprintf(os.Stdout, "  nginx (export):  %8.0f req/s   %s\n", ngxRate, ngxCmd)
	if testing.Verbose() {
		fmt.Fprintf(os.Stdout, "%s\n%s\n", goOut, ngxOut)
	}
}
