//go:build !(js && wasm)

package app

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/firstline/firstline/phrases/pack"
)

// crashing is a platform that dies (panics) at its n-th write to storage:
// a closed tab or a crash at any step of a sync.
type crashing struct {
	*memPlatform
	n, writes int
}

type crash struct{}

func (c *crashing) write() {
	c.writes++
	if c.writes == c.n {
		panic(crash{})
	}
}

func (c *crashing) CachePut(key string, data []byte, ctype string) error {
	c.write()
	return c.memPlatform.CachePut(key, data, ctype)
}

func (c *crashing) CacheDelete(key string) error {
	c.write()
	return c.memPlatform.CacheDelete(key)
}

func (c *crashing) Set(key, value string) {
	c.write()
	c.memPlatform.Set(key, value)
}

// A crash at every single write of an update leaves, after a restart,
// each pack whole at its old or its new version, never a mix; the next
// sync finishes the update and the cleanup leaves no stray blob.
func TestCrashAtEveryStepLeavesOldOrNew(t *testing.T) {
	for n := 1; ; n++ {
		repo, d, signer, built := setupSync(t)
		next := rebuild(t, repo, signer, built, func(c []pack.Content) {
			changeFrench(c)
			c[0].Files[0].Data = bytes.Replace(c[0].Files[0].Data, []byte(`"Field guide`), []byte(`"Field guide, v2`), 1)
		})
		cp := &crashing{memPlatform: d.b, n: n}
		st := openStore(cp, d.keys)
		st.now = d.s.st.now
		s := &syncer{st: st, b: cp, lang: func() string { return "fr" }}
		crashed := func() (crashed bool) {
			defer func() {
				if r := recover(); r != nil {
					if _, ok := r.(crash); !ok {
						panic(r)
					}
					crashed = true
				}
			}()
			if _, err := s.run(context.Background(), syncRequest{}); err != nil {
				t.Fatalf("crash at write %d: sync: %v", n, err)
			}
			return false
		}()
		d.reopen() // the app starts again on what storage holds
		d.checkUsable()
		for _, p := range d.s.st.packList() {
			if p.Version != 1 && p.Version != 2 {
				t.Fatalf("crash at write %d: %s at version %d", n, p.ID, p.Version)
			}
		}
		if fr := d.s.st.Phrases("sample", "fr"); (strings.HasPrefix(fr.Title, "Nouvel")) != strings.Contains(d.versions(), "phrases-first-contact-fr@2") {
			t.Fatalf("crash at write %d: library and index disagree: %q, %s", n, fr.Title, d.versions())
		}
		if err := d.sync(syncRequest{}); err != nil {
			t.Fatalf("crash at write %d: sync after restart: %v", n, err)
		}
		keys, _ := d.b.CacheKeys()
		if want := len(next.Blobs) - len(next.Catalog.Packs); len(keys) != want {
			t.Fatalf("crash at write %d: %d blobs after the next sync, want %d", n, len(keys), want)
		}
		if !crashed {
			if n < 4 {
				t.Fatalf("only %d writes in an update", n)
			}
			break
		}
	}
}

// A verified bundle installs with no network; a tampered one changes
// nothing and says why.
func TestImportBundle(t *testing.T) {
	_, d, signer, built := setupSync(t)
	repo := newFakeRepo()
	next := rebuild(t, repo, signer, built, changeFrench)
	fsys := fstest.MapFS{}
	for p, data := range repo.files {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	var buf bytes.Buffer
	if err := pack.WriteBundle(&buf, fsys, []string{"phrases-first-contact-fr"}); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	d.b.fetch = nil // no network

	bad := append([]byte(nil), good...)
	bad[len(bad)-100] ^= 1
	before := d.b.Get(storePacks)
	if _, err := d.s.st.importBundle(context.Background(), bad, func(int64) {}); err == nil {
		t.Fatal("tampered bundle imported")
	} else if id := explain(err).ID; id != "sync.err.tampered" && id != "sync.err.format" {
		t.Errorf("tampered bundle explained as %s (%v)", id, err)
	}
	if d.b.Get(storePacks) != before {
		t.Error("a tampered bundle changed the index")
	}
	ids, err := d.s.st.importBundle(context.Background(), good, func(int64) {})
	if err != nil || len(ids) != 1 {
		t.Fatalf("import: %v %v", ids, err)
	}
	if !strings.Contains(d.versions(), "phrases-first-contact-fr@2") {
		t.Errorf("after import: %s", d.versions())
	}
	if got := d.s.st.catalog().Seq; got != next.Catalog.Seq {
		t.Errorf("catalog seq %d after import, want %d", got, next.Catalog.Seq)
	}
	// The same bundle again is fine; the old one (older catalog) is not.
	if _, err := d.s.st.importBundle(context.Background(), good, func(int64) {}); err != nil {
		t.Errorf("same bundle again: %v", err)
	}
	d.reopen()
	d.checkUsable()
}

// Removing a pack takes it out of the library and deletes its blobs.
func TestRemovePack(t *testing.T) {
	_, d, _, _ := setupSync(t)
	if err := d.s.st.remove("phrases-first-contact-en"); err != nil {
		t.Fatal(err)
	}
	if d.s.st.Phrases("sample", "en") != nil {
		t.Error("removed pack still in the library")
	}
	if keys, _ := d.b.CacheKeys(); len(keys) != 3 {
		t.Errorf("%d blobs left, want 3 (the pack.json of three packs)", len(keys))
	}
	// A later sync does not bring it back: it was installed as a default
	// once, and the user removed it.
	if err := d.sync(syncRequest{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.versions(), "phrases-first-contact-en") {
		t.Error("a removed default pack came back")
	}
}

// Nothing is installed from an expired catalog, but what is installed
// stays.
func TestExpiredCatalogKeepsContent(t *testing.T) {
	_, d, _, _ := setupSync(t)
	d.s.st.now = func() time.Time { return syncT0.Add(60 * 24 * time.Hour) }
	err := d.sync(syncRequest{install: []string{"guide-en"}})
	var exp *pack.ExpiredError
	if !errors.As(err, &exp) || explain(err).ID != "sync.err.expired" {
		t.Fatalf("sync with an expired catalog: %v", err)
	}
	d.reopen()
	d.checkUsable()
}

// Operations asked for while one runs wait their turn; plain syncs
// asked for twice run once.
func TestQueuedOperations(t *testing.T) {
	repo, d, _, _ := setupSync(t)
	block := make(chan struct{})
	d.s.exclusive(func(context.Context) (int, error) { <-block; return 0, nil })
	d.s.start(syncRequest{})
	d.s.start(syncRequest{})
	d.s.start(syncRequest{install: []string{"phrases-first-contact-en"}})
	close(block)
	deadline := time.Now().Add(5 * time.Second)
	for {
		d.s.mu.Lock()
		idle := !d.s.status.Running && len(d.s.queue) == 0
		d.s.mu.Unlock()
		if idle {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("queue never drained")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got := len(repo.requests()); got != 2 {
		t.Errorf("%d requests, want 2 catalog checks (one plain sync, one install)", got)
	}
}
