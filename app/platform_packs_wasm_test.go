//go:build js && wasm

package app

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases/pack"
)

// The packs' browser calls, inside Chromium (make test-wasm).

func TestPacksCacheRoundTrip(t *testing.T) {
	p := newPlatform()
	key := blobKey("00test")
	data := []byte{0, 1, 2, 250, 255}
	if err := p.CachePut(key, data, "application/octet-stream"); err != nil {
		t.Fatal(err)
	}
	got, ok, err := p.CacheGet(key)
	if err != nil || !ok || !bytes.Equal(got, data) {
		t.Fatalf("CacheGet = %v %v %v", got, ok, err)
	}
	keys, err := p.CacheKeys()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, k := range keys {
		found = found || k == key
	}
	if !found {
		t.Errorf("CacheKeys %v lacks %s (keys are paths of this origin)", keys, key)
	}
	if err := p.CacheDelete(key); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := p.CacheGet(key); ok {
		t.Error("blob still there after CacheDelete")
	}
}

func TestObjectURL(t *testing.T) {
	if u := newPlatform().ObjectURL([]byte("RIFF"), "audio/wav"); !strings.HasPrefix(u, "blob:") {
		t.Errorf("ObjectURL = %q", u)
	}
}

func TestStorageCalls(t *testing.T) {
	p := newPlatform()
	usage, quota, ok := p.StorageEstimate()
	if !ok || quota <= 0 || usage < 0 {
		t.Errorf("StorageEstimate = %d %d %v", usage, quota, ok)
	}
	p.PersistStorage() // granted or not, it must answer
}

func TestFetchStatusAndAbort(t *testing.T) {
	p := newPlatform()
	resp, err := p.Fetch(context.Background(), "/wasm_exec.js", map[string]string{"Range": "bytes=0-"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	// A file the test server has, streamed in chunks.
	if err != nil || resp.Status == 0 || n == 0 {
		t.Errorf("status %d, %d body bytes, %v", resp.Status, n, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Fetch(ctx, "/firstline-no-such-file", nil); err == nil {
		t.Error("a cancelled fetch succeeded")
	}
}

// With nothing stored, the store opens empty and the library is empty.
func TestOpenStoreEmpty(t *testing.T) {
	done := make(chan *store, 1)
	go func() { done <- openStore(newPlatform(), pack.Keys{}) }()
	select {
	case st := <-done:
		if len(st.packList()) != 0 || st.Guide("en") != nil {
			t.Error("empty device has packs")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("openStore hangs")
	}
}
