//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	fl "github.com/firstline/firstline/app"
	"github.com/firstline/firstline/web"
)

// installNginx is what the nginx tests and benchmarks need; make test and
// .ci/run install it as root, and the tests print it otherwise.
const installNginx = "apt-get update && apt-get install -y nginx-light libnginx-mod-http-brotli-static"

// nginxPath finds nginx, or fails under CI=true and skips elsewhere.
func nginxPath(t testing.TB) string {
	t.Helper()
	for _, p := range []string{os.Getenv("NGINX"), "/usr/sbin/nginx", "nginx"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("no nginx found; install it with: %s", installNginx)
	}
	t.Skipf("no nginx found; install it with: %s", installNginx)
	return ""
}

// nginxSite is a static export served by a real nginx on loopback.
type nginxSite struct {
	URL    string
	Dir    string // the export being served
	root   string // nginx's root: a symbolic link to Dir
	prefix string
	site   *site
	cmd    *exec.Cmd
	n      int // exports so far
}

// startNginx exports the app (built-in packs unless packs is given) and
// serves it with nginx and the sample configuration: a child process in
// the foreground (daemon off) with its own prefix and config, stopped
// when the test ends.
func startNginx(t testing.TB, packs fs.FS) *nginxSite { return startNginxLog(t, packs, false) }

// startNginxLog is startNginx, with nginx logging every request for
// requests() when logRequests is set.
func startNginxLog(t testing.TB, packs fs.FS, logRequests bool) *nginxSite {
	t.Helper()
	bin := nginxPath(t)
	tmp := t.TempDir()
	n := &nginxSite{root: filepath.Join(tmp, "current"), prefix: filepath.Join(tmp, "nginx")}
	n.publish(t, packs)
	st := n.site
	dir := n.root
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	prefix := n.prefix
	os.MkdirAll(filepath.Join(prefix, "tmp"), 0o755)
	mime, err := os.ReadFile("/etc/nginx/mime.types")
	if err != nil {
		t.Fatalf("nginx's mime.types: %v (%s)", err, installNginx)
	}
	os.WriteFile(filepath.Join(prefix, "mime.types"), mime, 0o644)
	brotli := haveBrotliModule()
	server, err := nginxConfig(nginxParams{Root: dir, Listen: addr, WasmSize: st.wasmSize, Brotli: brotli})
	if err != nil {
		t.Fatal(err)
	}
	var conf bytes.Buffer
	if os.Geteuid() == 0 {
		// As root, nginx's workers would run as nobody, who cannot read
		// the test's private temporary folders.
		conf.WriteString("user root;\n")
	}
	if brotli {
		fmt.Fprintf(&conf, "load_module %s;\n", brotliModule)
	}
	fmt.Fprintf(&conf, `daemon off;
worker_processes auto;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 512; }
http {
    %[3]s
    client_body_temp_path %[1]s/tmp/body;
    proxy_temp_path %[1]s/tmp/proxy;
    fastcgi_temp_path %[1]s/tmp/fastcgi;
    uwsgi_temp_path %[1]s/tmp/uwsgi;
    scgi_temp_path %[1]s/tmp/scgi;
    sendfile on;
    keepalive_requests 100000;
%[2]s
}
`, prefix, server, accessLog(prefix, logRequests))
	confPath := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(confPath, conf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", prefix, "-c", confPath, "-e", filepath.Join(prefix, "error.log"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting nginx: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGQUIT) // graceful stop
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	})
	n.URL, n.cmd = "http://"+addr, cmd
	for deadline := time.Now().Add(15 * time.Second); ; {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return n
		}
		select {
		case err := <-exited:
			log, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			t.Fatalf("nginx stopped: %v\n%s\n%s\n%s", err, out.String(), log, conf.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not listen on %s:\n%s", addr, out.String())
		}
	}
}

func accessLog(prefix string, on bool) string {
	if !on {
		return "access_log off;"
	}
	return `log_format firstline '$request_uri $status $http_range';
    access_log ` + prefix + `/access.log firstline;`
}

// publish exports the app with packs (the built-in repository if nil)
// into a new folder and switches nginx to it in one step, by replacing
// the symbolic link nginx's root names: the way to publish a new build
// or a new pack repository on a live static server.
func (n *nginxSite) publish(t testing.TB, packs fs.FS) {
	t.Helper()
	if packs == nil {
		var err error
		if packs, err = fs.Sub(web.FS, "packs"); err != nil {
			t.Fatal(err)
		}
	}
	newTestServer(t, nil) // skips (or fails under CI) without the wasm build
	srv, err := newServer(web.FS, packs)
	if err != nil {
		t.Fatal(err)
	}
	st, err := exportSite(srv, packs)
	if err == nil {
		err = st.addPreload(packs)
	}
	if err != nil {
		t.Fatal(err)
	}
	n.n++
	dir := filepath.Join(filepath.Dir(n.root), fmt.Sprintf("site-%d", n.n))
	if err := st.writeTo(dir); err != nil {
		t.Fatal(err)
	}
	link := n.root + ".new"
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(link, n.root); err != nil {
		t.Fatal(err)
	}
	n.Dir, n.site = dir, st
}

// requests returns the requests nginx logged since the last call, as
// "path status" (and the Range header when there was one), without the
// app shell's.
func (n *nginxSite) requests(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(n.prefix, "access.log"))
	if err != nil {
		t.Fatal(err)
	}
	os.Truncate(filepath.Join(n.prefix, "access.log"), 0)
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, PacksPrefix) {
			out = append(out, strings.TrimSuffix(line, " -"))
		}
	}
	return out
}

func (n *nginxSite) get(t *testing.T, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, n.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// No transparent gzip: the test sees what nginx sends.
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// TestNginxHeaders checks the sample configuration: what nginx sends for
// the export is what `firstline serve` sends, header by header.
func TestNginxHeaders(t *testing.T) {
	n := startNginx(t, nil)
	st := n.site

	check := func(path string, resp *http.Response, status int, cache string) {
		t.Helper()
		if resp.StatusCode != status {
			t.Errorf("%s: status %d, want %d", path, resp.StatusCode, status)
		}
		if got := resp.Header.Get("Cache-Control"); got != cache {
			t.Errorf("%s: Cache-Control %q, want %q", path, got, cache)
		}
		for k, v := range securityHeaders {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", path, k, got, v)
			}
		}
	}
	// App routes: their prerendered page, revalidated (a 304 by ETag).
	for _, route := range fl.Routes {
		resp, body := n.get(t, route, nil)
		check(route, resp, 200, "no-cache")
		want := st.files[strings.TrimPrefix(route+"/index.html", "/")]
		if route == "/" {
			want = st.files["index.html"]
		}
		if !bytes.Equal(body, want) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: not its prerendered page (%s)", route, resp.Header.Get("Content-Type"))
		}
		etag := resp.Header.Get("ETag")
		if resp, _ := n.get(t, route, map[string]string{"If-None-Match": etag}); etag == "" || resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s: revalidation with ETag %q: %d", route, etag, resp.StatusCode)
		}
	}
	// A deep link nginx has no file for gets the shell, which routes.
	if resp, body := n.get(t, "/no/such/route", nil); resp.StatusCode != 200 || !bytes.Equal(body, st.files["index.html"]) {
		t.Errorf("deep link: %d", resp.StatusCode)
	}
	for _, p := range []string{"/web/nope.js", "/packs/", "/packs/blobs/nope", "/packs/index.html.gz"} {
		if resp, _ := n.get(t, p, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, resp.StatusCode)
		}
	}

	// The trainer's page and a bundle (export -preload).
	if resp, body := n.get(t, "/preload", map[string]string{"Accept-Encoding": "gzip"}); resp.StatusCode != 200 ||
		!bytes.Equal(body, st.files["preload/index.html.gz"]) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("/preload: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp, body := n.get(t, "/preload/all.flpack", nil)
	check("/preload/all.flpack", resp, 200, "no-cache")
	if !bytes.Equal(body, st.files["preload/all.flpack"]) || resp.Header.Get("Content-Type") != "application/octet-stream" {
		t.Errorf("all.flpack: %d bytes, type %q", len(body), resp.Header.Get("Content-Type"))
	}

	// The wasm: precompressed by Accept-Encoding, its raw size for the
	// loading progress, the right type.
	encs := []struct{ accept, enc, file string }{{"gzip", "gzip", "web/app.wasm.gz"}, {"", "", "web/app.wasm"}}
	if haveBrotliModule() {
		encs = append(encs, struct{ accept, enc, file string }{"gzip, deflate, br", "br", "web/app.wasm.br"})
	} else if os.Getenv("CI") == "true" {
		t.Errorf("no brotli module for nginx; install it with: %s", installNginx)
	}
	for _, e := range encs {
		resp, body := n.get(t, "/web/app.wasm", map[string]string{"Accept-Encoding": e.accept})
		check("/web/app.wasm "+e.accept, resp, 200, "no-cache")
		if resp.Header.Get("Content-Encoding") != e.enc || !bytes.Equal(body, st.files[e.file]) {
			t.Errorf("app.wasm for %q: encoding %q, %d bytes; want %q, %s", e.accept, resp.Header.Get("Content-Encoding"), len(body), e.enc, e.file)
		}
		if resp.Header.Get("Content-Type") != "application/wasm" || resp.Header.Get(rawSizeHeader) != strconv.Itoa(st.wasmSize) {
			t.Errorf("app.wasm: type %q, %s %q", resp.Header.Get("Content-Type"), rawSizeHeader, resp.Header.Get(rawSizeHeader))
		}
		if !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("app.wasm: Vary %q", resp.Header.Get("Vary"))
		}
	}
	for _, p := range []string{"/app.js", "/app-worker.js", "/manifest.webmanifest", "/web/app.css", "/wasm_exec.js"} {
		resp, body := n.get(t, p, map[string]string{"Accept-Encoding": "gzip"})
		check(p, resp, 200, "no-cache")
		if resp.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(body, st.files[p[1:]+".gz"]) {
			t.Errorf("%s: not its .gz copy (%q)", p, resp.Header.Get("Content-Encoding"))
		}
	}
	if resp, _ := n.get(t, "/manifest.webmanifest", nil); !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/manifest+json") {
		t.Errorf("manifest type %q", resp.Header.Get("Content-Type"))
	}

	// The catalog: revalidated, a 304 when unchanged.
	resp, body = n.get(t, "/packs/catalog", nil)
	check("/packs/catalog", resp, 200, "no-cache")
	if !bytes.Equal(body, st.files["packs/catalog"]) {
		t.Error("catalog differs from the export")
	}
	for _, accept := range []string{"", "gzip", "gzip, deflate, br"} {
		resp, _ := n.get(t, "/packs/catalog", map[string]string{"Accept-Encoding": accept})
		etag := resp.Header.Get("ETag")
		resp, _ = n.get(t, "/packs/catalog", map[string]string{"Accept-Encoding": accept, "If-None-Match": etag})
		if etag == "" || resp.StatusCode != http.StatusNotModified {
			t.Errorf("catalog revalidation (%q, ETag %q): %d, want 304", accept, etag, resp.StatusCode)
		}
	}

	// Blobs: immutable, gzip where the export has a copy, Range on the
	// identity bytes (what fetch sends with a Range header).
	var blob, gzBlob string
	for name := range st.files {
		if strings.HasPrefix(name, "packs/blobs/") && !strings.HasSuffix(name, ".gz") && !strings.HasSuffix(name, ".br") {
			if _, ok := st.files[name+".gz"]; ok && len(st.files[name]) > 100 {
				gzBlob = name
			} else {
				blob = name
			}
		}
	}
	if gzBlob == "" {
		t.Fatal("no compressible blob in the export")
	}
	for _, name := range []string{blob, gzBlob} {
		if name == "" {
			continue
		}
		resp, body := n.get(t, "/"+name, map[string]string{"Accept-Encoding": "gzip"})
		check("/"+name, resp, 200, "public, max-age=31536000, immutable")
		want := st.files[name]
		if resp.Header.Get("Content-Encoding") == "gzip" {
			want = st.files[name+".gz"]
		}
		if !bytes.Equal(body, want) || resp.Header.Get("Content-Type") != "application/octet-stream" {
			t.Errorf("%s: body or type (%q) wrong", name, resp.Header.Get("Content-Type"))
		}
	}
	if resp, _ := n.get(t, "/"+gzBlob, map[string]string{"Accept-Encoding": "gzip"}); resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("%s: not sent gzip-compressed", gzBlob)
	}
	raw := st.files[gzBlob]
	resp, body = n.get(t, "/"+gzBlob, map[string]string{"Range": "bytes=10-49", "Accept-Encoding": "identity"})
	if resp.StatusCode != http.StatusPartialContent || !bytes.Equal(body, raw[10:50]) ||
		resp.Header.Get("Content-Range") != fmt.Sprintf("bytes 10-49/%d", len(raw)) {
		t.Errorf("range: %d %q, %d bytes", resp.StatusCode, resp.Header.Get("Content-Range"), len(body))
	}
	if resp, _ := n.get(t, "/"+gzBlob, map[string]string{"Range": "bytes=10-", "If-Range": etagOf(t, n, "/"+gzBlob)}); resp.StatusCode != http.StatusPartialContent {
		t.Errorf("resume with If-Range: %d", resp.StatusCode)
	}
}

func etagOf(t *testing.T, n *nginxSite, path string) string {
	t.Helper()
	resp, _ := n.get(t, path, nil)
	return resp.Header.Get("ETag")
}

// TestNginxEndToEnd runs the app from the static export behind nginx in
// headless Chromium: first load, the service worker taking control, then
// nginx gone and the browser offline: reloads still work.
func TestNginxEndToEnd(t *testing.T) {
	ctx := newBrowser(t)
	n := startNginx(t, nil)

	do(t, ctx, "first load", chromedp.Navigate(n.URL+"/"), waitUsable())
	if got := eval[string](t, ctx, `document.querySelector("main h1").textContent`); got == "" {
		t.Error("no heading")
	}
	do(t, ctx, "service worker", until(`!!navigator.serviceWorker.controller`))
	// The app fetches the catalog like the sync does.
	if got := eval[int](t, ctx, `fetch("/packs/catalog", {cache: "no-cache"}).then(r => r.status)`); got != 200 {
		t.Errorf("catalog fetch: %d", got)
	}
	do(t, ctx, "deep link", chromedp.Navigate(n.URL+"/settings"), waitUsable())

	n.cmd.Process.Signal(syscall.SIGQUIT)
	do(t, ctx, "go offline", setOffline(true))
	for _, path := range []string{"/", "/settings", "/packs"} {
		do(t, ctx, "offline load of "+path, chromedp.Navigate(n.URL+path), waitUsable())
		if got := eval[string](t, ctx, `location.pathname`); got != path {
			t.Errorf("offline: at %q, want %q", got, path)
		}
	}
	do(t, ctx, "offline reload", chromedp.Reload(), waitUsable())
}

// TestNginxSync runs the app's sync against the static export behind
// nginx: the first visit installs the default packs; a new repository is
// published (a new export, switched in one step) with one pack changed,
// and a sync fetches the catalog, that pack's manifest and its changed
// file, nothing else; a sync with no change is one request answered 304;
// offline, everything stays.
func TestNginxSync(t *testing.T) {
	ctx := newBrowser(t)
	v1 := defaultRepo(t)
	n := startNginxLog(t, v1.files, true)

	want := "guide-en@1 phrases-first-contact-en@1"
	do(t, ctx, "first visit", chromedp.Navigate(n.URL+"/packs"), waitUsable(),
		until(installedJS+` === "`+want+`"`), until(syncDoneJS))
	first := n.requests(t)
	if len(first) < 5 || first[0] != "/packs/catalog 200" {
		t.Errorf("first visit: %v", first)
	}

	signer, _ := devSigner(t)
	v2 := v1.next(t, signer, changeEnglishPhrases)
	n.publish(t, v2.files)
	syncNow := func(what string) {
		t.Helper()
		rev := eval[string](t, ctx, `document.querySelector("#sync-status").dataset.rev`)
		do(t, ctx, what, until(`!document.querySelector("#sync-now").disabled`),
			chromedp.Click(chromedp.CSS("#sync-now")),
			until(`(() => { const s = document.querySelector("#sync-status"); return s.dataset.rev !== "`+rev+`" && s.dataset.state !== "running"; })()`))
		if state := eval[string](t, ctx, `document.querySelector("#sync-status").dataset.state`); state != "done" {
			t.Fatalf("%s: %s: %s", what, state, eval[string](t, ctx, `document.querySelector("#sync-status").textContent`))
		}
	}
	syncNow("sync one changed pack")
	wantReqs := []string{"/packs/catalog 200", v2.blobPath("phrases-first-contact-en", "manifest") + " 200", v2.blobPath("phrases-first-contact-en", "pack.json") + " 200"}
	if got := n.requests(t); strings.Join(got, ", ") != strings.Join(wantReqs, ", ") {
		t.Errorf("update requests:\n got %v\nwant %v", got, wantReqs)
	}
	want = "guide-en@1 phrases-first-contact-en@2"
	if got := eval[string](t, ctx, installedJS); got != want {
		t.Errorf("installed %q, want %q", got, want)
	}
	syncNow("sync with no change")
	if got := n.requests(t); strings.Join(got, ", ") != "/packs/catalog 304" {
		t.Errorf("no-change sync: %v, want one 304 for the catalog", got)
	}

	n.cmd.Process.Signal(syscall.SIGQUIT)
	do(t, ctx, "offline reload", setOffline(true), chromedp.Navigate(n.URL+"/"), waitUsable(), until(guideShownJS))
	if got := eval[string](t, ctx, installedJS); got != want {
		t.Errorf("offline: installed %q, want %q", got, want)
	}
}
