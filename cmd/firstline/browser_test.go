//go:build !wasm

package main

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/firstline/firstline/web"
)

// installChromium is what a machine without a browser needs; make test
// runs it when it is root, and the tests print it otherwise.
const installChromium = "apt-get update && apt-get install -y chromium"

// chromiumPath finds a Chromium, or fails under CI=true (browser tests
// never skip silently there) and skips elsewhere, naming the command.
func chromiumPath(t testing.TB) string {
	t.Helper()
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("browser test skipped in -short mode")
	}
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("no Chromium found; install it with: %s", installChromium)
	}
	t.Skipf("no Chromium found; install it with: %s", installChromium)
	return ""
}

// newBrowser starts a fresh headless Chromium for one test, talking only to
// loopback, and returns a tab context.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(390, 844),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(3))); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// testApp is the real server on a loopback port whose handler a test can
// swap (a new version) or whose listener it can close (no network).
type testApp struct {
	URL string
	mu  sync.Mutex
	h   http.Handler
	srv *http.Server
	ln  net.Listener
}

func startApp(t testing.TB, webFS fs.FS) *testApp {
	t.Helper()
	h := newTestServer(t, webFS)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a := &testApp{URL: "http://" + ln.Addr().String(), h: h, ln: ln}
	a.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		h := a.h
		a.mu.Unlock()
		h.ServeHTTP(w, r)
	})}
	go a.srv.Serve(ln)
	t.Cleanup(func() { a.srv.Close() })
	return a
}

// swap serves another build from now on.
func (a *testApp) swap(h http.Handler) {
	a.mu.Lock()
	a.h = h
	a.mu.Unlock()
}

// stop takes the server off the network: connections are refused, as in
// airplane mode.
func (a *testApp) stop() { a.srv.Close() }

// newTestServer builds the server from webFS, failing clearly when the
// wasm has not been built.
func newTestServer(t testing.TB, webFS fs.FS) *server {
	t.Helper()
	if webFS == nil {
		webFS = web.FS
	}
	packs, err := fs.Sub(web.FS, "packs")
	if err != nil {
		t.Fatal(err)
	}
	s, err := newServer(webFS, packs)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v (make test builds it)", err)
		}
		t.Skipf("%v", err)
	}
	return s
}

// usableJS is true once the app is usable: go-app's loading screen is gone
// and the page heading is visible and not covered by anything.
const usableJS = `(() => {
  if (document.getElementById("app-wasm-loader")) return false;
  const h = document.querySelector("main h1");
  if (!h) return false;
  const r = h.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  const el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!el && (el === h || h.contains(el));
})()`

func waitUsable() chromedp.Action[chromedp.Void] { return until(usableJS) }

// until waits (up to a minute) for a JavaScript expression to be true. It
// keeps asking through navigations and reloads, when the page's context
// comes and goes.
func until(expr string) chromedp.Action[chromedp.Void] {
	return poll(expr, 60*time.Second, 20*time.Millisecond, func(last error) error {
		return fmt.Errorf("still false after 60s: %s (last error: %v)", expr, last)
	})
}

// poll evaluates expr every interval until it is true, for at most
// timeout; then it returns fail(the last evaluation error).
func poll(expr string, timeout, interval time.Duration, fail func(last error) error) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		deadline := time.Now().Add(timeout)
		var last error
		for time.Now().Before(deadline) {
			ok, err := chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise)(ctx, t)
			if err == nil && ok {
				return nil
			}
			last = err
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(interval):
			}
		}
		return fail(last)
	})
}

// setOffline emulates airplane mode in the page (navigator.onLine and its
// requests) and in its service worker.
func setOffline(offline bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{
			Offline: offline, DownloadThroughput: -1, UploadThroughput: -1,
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &offline,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}},
		})
		return err
	})
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}
