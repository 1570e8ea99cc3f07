//go:build !wasm

package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/firstline/firstline/web"
)

// The phone profile of the load benchmarks: 390x844, Fast 3G (150 ms
// latency, 1.6 Mbit/s down, 750 kbit/s up) and a CPU 4x slower.
const (
	phoneLatencyMs = 150
	phoneDown      = 1.6e6 / 8 // bytes per second
	phoneUp        = 750e3 / 8
	phoneCPU       = 4
	loadRuns       = 3
)

func phoneProfile() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: phoneLatencyMs, DownloadThroughput: phoneDown, UploadThroughput: phoneUp}},
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: phoneCPU})
		return err
	})
}

// usableAt waits, polling in the page on every animation frame, until the
// app is usable, and returns the time since navigation started (ms).
func usableAt() chromedp.Action[float64] {
	return chromedp.Poll[float64](`(`+usableJS+`) && performance.now()`, chromedp.WithPollingTimeout(3*time.Minute))
}

// countingHandler counts the response body bytes the server sends.
type countingHandler struct {
	h     http.Handler
	bytes atomic.Int64
	reqs  atomic.Int64
}

func (c *countingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.reqs.Add(1)
	c.h.ServeHTTP(countingWriter{w, &c.bytes}, r)
}

type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n.Add(int64(n))
	return n, err
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// BenchmarkPhoneLoad measures, in headless Chromium emulating a phone,
// the time from navigation until the app is usable on a cold first visit,
// the bytes that visit moves (page and service worker precache), and an
// offline reload once the service worker has taken over. Each is run
// loadRuns times; the median is reported.
//
//	go test -run '^$' -bench PhoneLoad -benchtime 1x ./cmd/firstline
func BenchmarkPhoneLoad(b *testing.B) {
	var cold, offline, transferred []float64
	for run := 0; run < loadRuns; run++ {
		ctx := newBrowser(b)
		count := &countingHandler{h: newTestServer(b, nil)}
		a := startApp(b, nil)
		a.swap(count)
		if err := chromedp.Do(ctx, phoneProfile()); err != nil {
			b.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(a.URL+"/")); err != nil {
			b.Fatal(err)
		}
		ms, err := chromedp.Run(ctx, usableAt())
		if err != nil {
			b.Fatalf("cold load: %v", err)
		}
		cold = append(cold, ms)
		// The first visit is over once the worker has precached the shell.
		if err := chromedp.Do(ctx, until(`!!navigator.serviceWorker.controller`)); err != nil {
			b.Fatal(err)
		}
		transferred = append(transferred, float64(count.bytes.Load()))

		a.stop()
		if err := chromedp.Do(ctx, setOffline(true), chromedp.Reload()); err != nil {
			b.Fatal(err)
		}
		ms, err = chromedp.Run(ctx, usableAt())
		if err != nil {
			b.Fatalf("offline reload: %v", err)
		}
		offline = append(offline, ms)
	}
	b.ReportMetric(median(cold), "cold-ms")
	b.ReportMetric(median(offline), "offline-reload-ms")
	b.ReportMetric(median(transferred), "first-load-bytes")
	fmt.Fprintf(os.Stdout, "phone profile (390x844, 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU x%d), %d runs:\n", phoneCPU, loadRuns)
	fmt.Fprintf(os.Stdout, "  cold load to usable:    median %6.0f ms  runs %v\n", median(cold), rounded(cold))
	fmt.Fprintf(os.Stdout, "  offline reload:         median %6.0f ms  runs %v\n", median(offline), rounded(offline))
	fmt.Fprintf(os.Stdout, "  first visit transfer:   median %6.0f KB (bodies, page and service worker)\n", median(transferred)/1000)
}

func rounded(v []float64) []int {
	out := make([]int, len(v))
	for i, x := range v {
		out[i] = int(x + 0.5)
	}
	return out
}

// BenchmarkWasmSize reports the size of the client as built (raw, gzip and
// brotli): what a phone downloads on its first visit.
//
//	go test -run '^$' -bench WasmSize -benchtime 1x ./cmd/firstline
func BenchmarkWasmSize(b *testing.B) {
	sizes := map[string]float64{}
	for _, name := range []string{"app.wasm", "app.wasm.gz", "app.wasm.br"} {
		data, err := web.FS.ReadFile(name)
		if err != nil {
			b.Fatalf("%s: %v (run make build)", name, err)
		}
		sizes[name] = float64(len(data))
	}
	for i := 0; i < b.N; i++ {
	}
	b.ReportMetric(sizes["app.wasm"], "raw-bytes")
	b.ReportMetric(sizes["app.wasm.gz"], "gzip-bytes")
	b.ReportMetric(sizes["app.wasm.br"], "brotli-bytes")
	fmt.Fprintf(os.Stdout, "app.wasm: raw %.2f MB, gzip %.2f MB, brotli %.2f MB (target: brotli <= 1.6 MB)\n",
		sizes["app.wasm"]/1e6, sizes["app.wasm.gz"]/1e6, sizes["app.wasm.br"]/1e6)
}
