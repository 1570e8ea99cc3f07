//go:build !wasm

package main

import (
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// wireCounter counts what the pack repository sends: requests, and bytes
// on the wire (status line and headers, and the body as sent, compressed
// or not).
type wireCounter struct {
	h       http.Handler
	mu      sync.Mutex
	reqs    int
	headers int64
	bodies  int64
}

func (c *wireCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, PacksPrefix) {
		c.h.ServeHTTP(w, r)
		return
	}
	cw := &wireWriter{ResponseWriter: w}
	c.h.ServeHTTP(cw, r)
	c.mu.Lock()
	c.reqs++
	c.bodies += cw.body
	c.headers += int64(len("HTTP/1.1 200 OK\r\n\r\n"))
	for k, v := range w.Header() {
		c.headers += int64(len(k) + len(strings.Join(v, ", ")) + 4)
	}
	c.mu.Unlock()
}

func (c *wireCounter) take() (reqs int, headers, bodies int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	reqs, headers, bodies = c.reqs, c.headers, c.bodies
	c.reqs, c.headers, c.bodies = 0, 0, 0
	return
}

type wireWriter struct {
	http.ResponseWriter
	body int64
}

func (w *wireWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.body += int64(n)
	return n, err
}

// BenchmarkSync measures the sync in headless Chromium: a sync with
// nothing new (requests and bytes), an update of one phrase pack (bytes),
// and, in the phone profile, installing the 40 default phrase packs one
// after the other from the Packs screen, with the storage they take.
//
//	go test -run '^$' -bench Sync -benchtime 1x ./cmd/firstline
func BenchmarkSync(b *testing.B) {
	ctx := newBrowser(b)
	a := startApp(b, nil)
	v1 := defaultRepo(b)
	srv := newFaultServer(b, v1)
	count := &wireCounter{h: srv}
	a.swap(count)
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		if err := chromedp.Do(ctx, steps...); err != nil {
			b.Fatalf("%s: %v", what, err)
		}
	}
	syncNow := func() {
		rev, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#sync-status").dataset.rev`))
		if err != nil {
			b.Fatal(err)
		}
		run("sync", until(`!document.querySelector("#sync-now").disabled`), chromedp.Click(chromedp.CSS("#sync-now")),
			until(`(() => { const s = document.querySelector("#sync-status"); return s.dataset.rev !== "`+rev+`" && s.dataset.state === "done"; })()`))
	}
	run("first visit", chromedp.Navigate(a.URL+"/packs"), waitUsable(), until(syncDoneJS))
	count.take()

	syncNow()
	noReqs, noHdr, noBody := count.take()

	signer, _ := devSigner(b)
	v2 := v1.next(b, signer, changeEnglishPhrases)
	srv.serve(v2, nil)
	syncNow()
	upReqs, upHdr, upBody := count.take()
	e, _ := v2.cat.Entry("phrases-first-contact-en")

	// The 40 phrase packs (the English one is installed) in the phone
	// profile, one install button after the other.
	var ids []string
	for _, e := range v2.cat.Packs {
		if strings.HasPrefix(e.ID, "phrases-first-contact-") && e.ID != "phrases-first-contact-en" {
			ids = append(ids, e.ID)
		}
	}
	sort.Strings(ids)
	run("phone profile", phoneProfile())
	start := time.Now()
	for _, id := range ids {
		run("install "+id, until(`!document.querySelector("#install-`+id+`").disabled`),
			chromedp.Click(chromedp.CSS("#install-"+id)),
			until(`!!document.querySelector("#installed-list #pack-`+id+`")`))
	}
	elapsed := time.Since(start)
	_, _, allBody := count.take()
	stored, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(async () => {
		const c = await caches.open("packs-v1"); let n = 0;
		for (const k of await c.keys()) n += (await (await c.match(k)).arrayBuffer()).byteLength;
		return n; })()`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatal(err)
	}
	installed, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Object.keys(JSON.parse(localStorage.getItem("firstline.packs")).packs).length`))
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
	}
	b.ReportMetric(float64(noReqs), "nochange-requests")
	b.ReportMetric(float64(noHdr+noBody), "nochange-bytes")
	b.ReportMetric(float64(upBody), "update-body-bytes")
	b.ReportMetric(elapsed.Seconds(), "install-phrases-s")
	b.ReportMetric(stored, "stored-bytes")
	fmt.Fprintf(os.Stdout, "sync, no change:        %d request(s), %d bytes (%d headers + %d body)\n", noReqs, noHdr+noBody, noHdr, noBody)
	fmt.Fprintf(os.Stdout, "sync, one pack changed: %d requests, %d body bytes (+%d headers); the pack is %d bytes + manifest %d\n", upReqs, upBody, upHdr, e.Size, e.ManifestSize)
	fmt.Fprintf(os.Stdout, "install %d phrase packs one by one, phone profile: %.1f s, %d KB sent; %d packs installed, %d KB in Cache Storage\n",
		len(ids), elapsed.Seconds(), allBody/1000, installed, int64(stored)/1000)
}
