//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/firstline/firstline/phrases/pack"
)

// installedJS lists the installed packs as "id@version" from the app's
// index in local storage, sorted.
const installedJS = `(() => {
  const ix = JSON.parse(localStorage.getItem("firstline.packs") || "{}");
  return Object.values(ix.packs || {}).map(p => p.id + "@" + p.version).sort().join(" ");
})()`

// guideShownJS is true once the home screen shows an installed guide.
const guideShownJS = `!document.querySelector("main").textContent.includes("not on this device yet")`

// syncDoneJS is true once the Packs screen shows a finished run.
const syncDoneJS = `(() => { const s = document.querySelector("#sync-status"); return !!s && (s.dataset.state === "done" || s.dataset.state === "failed"); })()`

// TestSyncFirstVisit: a new device gets the default packs for its UI
// language (and English) with no step of its own; the Packs screen lists
// them; airplane mode and a reload keep them, and the guide still shows.
func TestSyncFirstVisit(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, nil)
	do(t, ctx, "first load", chromedp.Navigate(a.URL+"/"), waitUsable())
	want := "guide-en@1 phrases-first-contact-en@1"
	do(t, ctx, "defaults installed", until(installedJS+` === "`+want+`"`))
	do(t, ctx, "packs screen", chromedp.Click(chromedp.CSS("#tab-packs")),
		until(`location.pathname === "/packs"`), until(`!!document.querySelector("#pack-guide-en")`))
	if got := eval[string](t, ctx, `document.querySelector("#packs-count").textContent`); got != "2 packs installed" {
		t.Errorf("count = %q", got)
	}
	if got := eval[int](t, ctx, `document.querySelectorAll("#available-list li").length`); got < 30 {
		t.Errorf("%d packs available, want the rest of the catalog", got)
	}
	if !eval[bool](t, ctx, `caches.has("packs-v1")`) {
		t.Error("no packs-v1 cache")
	}
	do(t, ctx, "service worker", until(`!!navigator.serviceWorker.controller`))

	a.stop()
	do(t, ctx, "offline", setOffline(true), chromedp.Reload(), waitUsable(), until(`!!document.querySelector("#pack-guide-en")`))
	if got := eval[string](t, ctx, installedJS); got != want {
		t.Errorf("offline: installed %q", got)
	}
	do(t, ctx, "guide offline", chromedp.Click(chromedp.CSS("#tab-guide")), until(`location.pathname === "/"`), waitUsable(), until(guideShownJS))
}

// syncPhone is a browser on the app served by a faultServer, after its
// first visit installed the default packs.
type syncPhone struct {
	ctx  context.Context
	app  *testApp
	srv  *faultServer
	v1   *testRepo
	want string // what is installed now
}

func newSyncPhone(t *testing.T) *syncPhone {
	t.Helper()
	p := &syncPhone{ctx: newBrowser(t), app: startApp(t, nil), v1: defaultRepo(t)}
	p.srv = newFaultServer(t, p.v1)
	p.app.swap(p.srv)
	p.want = "guide-en@1 phrases-first-contact-en@1"
	do(t, p.ctx, "first visit", chromedp.Navigate(p.app.URL+"/packs"), waitUsable(),
		until(installedJS+` === "`+p.want+`"`), until(syncDoneJS))
	p.srv.requests()
	return p
}

// sync presses "Check for updates" and waits for the run to end.
func (p *syncPhone) sync(t *testing.T) {
	t.Helper()
	rev := eval[string](t, p.ctx, `document.querySelector("#sync-status").dataset.rev`)
	do(t, p.ctx, "sync", until(`!document.querySelector("#sync-now").disabled`),
		chromedp.Click(chromedp.CSS("#sync-now")),
		until(`(() => { const s = document.querySelector("#sync-status"); return s.dataset.rev !== "`+rev+`" && s.dataset.state !== "running"; })()`))
}

// checkKept checks that what was installed is still installed and works
// with no network at all, after a reload.
func (p *syncPhone) checkKept(t *testing.T) {
	t.Helper()
	if got := eval[string](t, p.ctx, installedJS); got != p.want {
		t.Errorf("installed %q, want %q", got, p.want)
	}
	p.app.stop()
	do(t, p.ctx, "offline reload", setOffline(true), chromedp.Navigate(p.app.URL+"/"), waitUsable())
	if got := eval[string](t, p.ctx, installedJS); got != p.want {
		t.Errorf("offline: installed %q, want %q", got, p.want)
	}
	// The page the service worker keeps was prerendered with no packs:
	// wait for the app to render over it.
	do(t, p.ctx, "offline guide", until(guideShownJS))
	do(t, p.ctx, "offline packs screen", chromedp.Navigate(p.app.URL+"/packs"), waitUsable(),
		until(`!!document.querySelector("#pack-phrases-first-contact-en")`))
}

// TestSyncUpdateOnePack: a new version of one pack on the server is found
// with the catalog and fetched alone: its manifest and its changed file.
func TestSyncUpdateOnePack(t *testing.T) {
	p := newSyncPhone(t)
	signer, _ := devSigner(t)
	v2 := p.v1.next(t, signer, changeEnglishPhrases)
	p.srv.serve(v2, nil)
	p.sync(t)
	want := []string{"/packs/catalog", v2.blobPath("phrases-first-contact-en", "manifest"), v2.blobPath("phrases-first-contact-en", "pack.json")}
	if got := p.srv.requests(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("requests %v, want %v", got, want)
	}
	p.want = "guide-en@1 phrases-first-contact-en@2"
	if got := eval[string](t, p.ctx, installedJS); got != p.want {
		t.Errorf("installed %q, want %q", got, p.want)
	}
	// No change: one conditional request.
	p.sync(t)
	if got := p.srv.requests(); len(got) != 1 || got[0] != "/packs/catalog" {
		t.Errorf("no-change sync: requests %v", got)
	}
	p.checkKept(t)
}

// TestSyncResumesCutOffDownload: a file cut off after 1 byte, halfway, or
// 1 byte before its end is resumed with a Range request and installs.
func TestSyncResumesCutOffDownload(t *testing.T) {
	signer, _ := devSigner(t)
	for _, at := range []string{"1", "half", "end-1"} {
		t.Run(at, func(t *testing.T) {
			p := newSyncPhone(t)
			v2 := p.v1.next(t, signer, changeEnglishPhrases)
			path := v2.blobPath("phrases-first-contact-en", "pack.json")
			data := v2.files[strings.TrimPrefix(path, PacksPrefix)].Data
			n := map[string]int{"1": 1, "half": len(data) / 2, "end-1": len(data) - 1}[at]
			var once sync.Once
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path != path || r.Header.Get("Range") != "" {
					return false
				}
				cut := false
				once.Do(func() { cut = true })
				if cut {
					cutOff(w, data, n)
				}
				return false
			})
			p.sync(t)
			if state := eval[string](t, p.ctx, `document.querySelector("#sync-status").dataset.state`); state != "done" {
				t.Fatalf("sync %s: %s", state, eval[string](t, p.ctx, `document.querySelector("#sync-status").textContent`))
			}
			// Chromium hands the page the bytes that arrived before the
			// break only sometimes (here: mostly when the cut is late):
			// then the app resumes with a Range request, else it restarts
			// the file cleanly. Either way no more than the file again.
			got := strings.Join(p.srv.requests(), " ")
			resumed := strings.Contains(got, path+" bytes=")
			if !resumed && strings.Count(got, path) != 2 {
				t.Errorf("neither a resume nor one clean restart: %s", got)
			}
			t.Logf("cut at %d of %d bytes: resumed with Range: %v", n, len(data), resumed)
			p.want = "guide-en@1 phrases-first-contact-en@2"
			p.checkKept(t)
		})
	}
}

// TestSyncFaults runs the app against a server that misbehaves on
// purpose. For every fault: the Packs screen says what went wrong in
// plain words, nothing is installed partly, and the content from before
// is still there and works offline after a reload.
func TestSyncFaults(t *testing.T) {
	signer, _ := devSigner(t)
	enPhrases := "phrases-first-contact-en"
	blob := func(v *testRepo, path string) []byte {
		return v.files[strings.TrimPrefix(path, PacksPrefix)].Data
	}
	for _, tc := range []struct {
		name string
		// upgrade: first install v2 of the English phrases without fault.
		upgrade bool
		// fault sets the server up for the failing sync.
		fault func(t *testing.T, p *syncPhone, v1, v2 *testRepo)
		want  string // message ID shown
	}{
		{name: "blob with one flipped byte", want: "sync.err.tampered", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			path := v2.blobPath(enPhrases, "pack.json")
			bad := append([]byte(nil), blob(v2, path)...)
			bad[len(bad)/2] ^= 0x01
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == path {
					serveBlobBytes(w, bad)
					return true
				}
				return false
			})
		}},
		{name: "catalog with a bad signature", want: "sync.err.signature", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			cat := append([]byte(nil), v2.cat.Signed()...)
			cat[len(cat)-6] ^= 0x01
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == PacksPrefix+pack.CatalogPath {
					serveBlobBytes(w, cat)
					return true
				}
				return false
			})
		}},
		{name: "signed with an unknown key", want: "sync.err.unknownkey", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			p.srv.serve(v1.next(t, stranger(t), changeEnglishPhrases), nil)
		}},
		{name: "older catalog replayed", upgrade: true, want: "sync.err.replay", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			p.srv.serve(v1, nil)
		}},
		{name: "pack version going down", upgrade: true, want: "sync.err.version", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			old, _ := v1.cat.Entry(enPhrases)
			cat := resign(t, signer, v2.cat.Signed(), func(c map[string]any) {
				c["seq"] = v2.cat.Seq + 1
				for _, e := range c["packs"].([]any) {
					if e := e.(map[string]any); e["id"] == enPhrases {
						e["version"], e["manifest"], e["manifest_size"], e["size"] = old.Version, old.Manifest, old.ManifestSize, old.Size
					}
				}
			})
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == PacksPrefix+pack.CatalogPath {
					serveBlobBytes(w, cat)
					return true
				}
				return false
			})
		}},
		{name: "expired catalog", want: "sync.err.expired", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			cat := resign(t, signer, v2.cat.Signed(), func(c map[string]any) {
				c["seq"] = v2.cat.Seq + 1
				c["issued"] = time.Now().Add(-60 * 24 * time.Hour).UTC().Format(time.RFC3339)
				c["expires"] = time.Now().Add(-30 * 24 * time.Hour).UTC().Format(time.RFC3339)
			})
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == PacksPrefix+pack.CatalogPath {
					serveBlobBytes(w, cat)
					return true
				}
				return false
			})
		}},
		{name: "manifest swapped between packs", want: "sync.err.tampered", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			path := v2.blobPath(enPhrases, "manifest")
			other := blob(v2, v2.blobPath("guide-en", "manifest"))
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == path {
					serveBlobBytes(w, other)
					return true
				}
				return false
			})
		}},
		{name: "file larger than its manifest says", want: "sync.err.tampered", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			path := v2.blobPath(enPhrases, "pack.json")
			big := append(append([]byte(nil), blob(v2, path)...), bytes.Repeat([]byte(" "), 4096)...)
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == path {
					serveBlobBytes(w, big)
					return true
				}
				return false
			})
		}},
		{name: "every response cut off halfway", want: "sync.err.network", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			path := v2.blobPath(enPhrases, "pack.json")
			data := blob(v2, path)
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == path {
					cutOff(w, data, len(data)/2)
				}
				return false
			})
		}},
		{name: "500 on a file", want: "sync.err.server", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			path := v2.blobPath(enPhrases, "pack.json")
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == path {
					http.Error(w, "internal error", http.StatusInternalServerError)
					return true
				}
				return false
			})
		}},
		{name: "404 on a manifest", want: "sync.err.server", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			path := v2.blobPath(enPhrases, "manifest")
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == path {
					http.NotFound(w, r)
					return true
				}
				return false
			})
		}},
		{name: "server stopped mid-sync", want: "sync.err.network", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			path := v2.blobPath(enPhrases, "manifest")
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == path {
					go p.app.stop()
					panic(http.ErrAbortHandler)
				}
				return false
			})
		}},
		{name: "slow server", want: "sync.err.timeout", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			path := v2.blobPath(enPhrases, "pack.json")
			p.srv.serve(v2, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path == path {
					select {
					case <-r.Context().Done():
					case <-time.After(40 * time.Second):
					}
					return true
				}
				return false
			})
		}},
		{name: "storage full", want: "sync.err.storage", fault: func(t *testing.T, p *syncPhone, v1, v2 *testRepo) {
			usage, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`navigator.storage.estimate().then(e => e.usage)`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			quota := usage + 1000
			do(t, p.ctx, "quota", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, storage.OverrideQuotaForOrigin, storage.OverrideQuotaForOriginParams{Origin: p.app.URL, QuotaSize: &quota})
				return err
			}))
			p.srv.serve(v2, nil)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newSyncPhone(t)
			v2 := p.v1.next(t, signer, changeEnglishPhrases)
			if tc.upgrade {
				p.srv.serve(v2, nil)
				p.sync(t)
				p.want = "guide-en@1 phrases-first-contact-en@2"
				if got := eval[string](t, p.ctx, installedJS); got != p.want {
					t.Fatalf("upgrade: installed %q", got)
				}
			}
			tc.fault(t, p, p.v1, v2)
			p.sync(t)
			got := eval[string](t, p.ctx, `(() => { const e = document.querySelector("#sync-error"); return e ? e.dataset.error + "|" + e.querySelector("p").textContent : "none: " + document.querySelector("#sync-status").textContent; })()`)
			id, text, _ := strings.Cut(got, "|")
			if id != tc.want || text == "" || strings.Contains(text, "sync.err") {
				t.Errorf("shown %q, want %s", got, tc.want)
			}
			p.checkKept(t)
		})
	}
}

// TestSideLoadBundle imports .flpack bundles with no network at all: a
// tampered one through the file input is refused with the reason and
// changes nothing; a good one dropped on the page installs, as does one
// chosen with the file input.
func TestSideLoadBundle(t *testing.T) {
	p := newSyncPhone(t)
	signer, _ := devSigner(t)
	v2 := p.v1.next(t, signer, changeEnglishPhrases)
	write := func(name string, ids []string, tamper bool) (string, []byte) {
		var buf bytes.Buffer
		if err := pack.WriteBundle(&buf, v2.files, ids); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		if tamper {
			b[len(b)-100] ^= 0x01
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path, b
	}
	bad, _ := write("bad.flpack", []string{"phrases-first-contact-en", "phrases-first-contact-ar"}, true)
	_, good := write("good.flpack", []string{"phrases-first-contact-en", "phrases-first-contact-ar"}, false)
	fr, _ := write("fr.flpack", []string{"guide-fr"}, false)

	p.app.stop()
	do(t, p.ctx, "offline", setOffline(true))
	importFile := func(what, file string) {
		t.Helper()
		rev := eval[string](t, p.ctx, `document.querySelector("#sync-status").dataset.rev`)
		do(t, p.ctx, what, chromedp.SetUploadFiles(chromedp.CSS("#pack-file"), []string{file}),
			until(`(() => { const s = document.querySelector("#sync-status"); return s.dataset.rev !== "`+rev+`" && s.dataset.state !== "running"; })()`))
	}
	importFile("tampered bundle", bad)
	if got := eval[string](t, p.ctx, `(() => { const e = document.querySelector("#sync-error"); return e ? e.dataset.error : "none"; })()`); got != "sync.err.tampered" {
		t.Errorf("tampered bundle: shown %q", got)
	}
	if got := eval[string](t, p.ctx, installedJS); got != p.want {
		t.Errorf("tampered bundle changed the packs: %q", got)
	}

	// Dropped on the page.
	rev := eval[string](t, p.ctx, `document.querySelector("#sync-status").dataset.rev`)
	do(t, p.ctx, "drop", chromedp.Evaluate[chromedp.Void](`(() => {
		const bytes = Uint8Array.from(atob("`+base64.StdEncoding.EncodeToString(good)+`"), c => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File([bytes], "good.flpack"));
		document.querySelector("main").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
	})()`), until(`(() => { const s = document.querySelector("#sync-status"); return s.dataset.rev !== "`+rev+`" && s.dataset.state === "done"; })()`))
	p.want = "guide-en@1 phrases-first-contact-ar@1 phrases-first-contact-en@2"
	if got := eval[string](t, p.ctx, installedJS); got != p.want {
		t.Errorf("after drop: %q, want %q", got, p.want)
	}
	importFile("file input", fr)
	p.want = "guide-en@1 guide-fr@1 phrases-first-contact-ar@1 phrases-first-contact-en@2"
	if got := eval[string](t, p.ctx, installedJS); got != p.want {
		t.Errorf("after file input: %q, want %q", got, p.want)
	}
	do(t, p.ctx, "listed", until(`!!document.querySelector("#installed-list #pack-phrases-first-contact-ar")`))
	p.checkKept(t)
}

// TestInstallAndRemove: a pack from the catalog installs with its button
// and goes with its remove button, blobs and all.
func TestInstallAndRemove(t *testing.T) {
	p := newSyncPhone(t)
	do(t, p.ctx, "install", chromedp.Click(chromedp.CSS("#install-phrases-first-contact-ti")),
		until(`!!document.querySelector("#installed-list #pack-phrases-first-contact-ti")`))
	blobs := eval[int](t, p.ctx, `caches.open("packs-v1").then(c => c.keys()).then(k => k.length)`)
	do(t, p.ctx, "remove", until(`!document.querySelector("#remove-phrases-first-contact-ti").disabled`),
		chromedp.Click(chromedp.CSS("#remove-phrases-first-contact-ti")),
		until(`!document.querySelector("#installed-list #pack-phrases-first-contact-ti")`))
	do(t, p.ctx, "blobs gone", until(`caches.open("packs-v1").then(c => c.keys()).then(k => k.length === `+strconv.Itoa(blobs-1)+`)`))
	if got := eval[string](t, p.ctx, installedJS); got != p.want {
		t.Errorf("installed %q, want %q", got, p.want)
	}
}
