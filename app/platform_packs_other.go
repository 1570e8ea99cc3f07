//go:build !(js && wasm)

package app

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"sync"
)

// memPacks is the native twin of the packs' browser calls: Cache Storage
// in a map, fetch through a function the test sets, a settable quota.
type memPacks struct {
	pmu       sync.Mutex
	cache     map[string][]byte
	fetch     func(ctx context.Context, url string, header map[string]string) (*fetchResponse, error)
	quota     int64 // 0: no limit
	persisted bool
	urls      int
}

func (p *memPacks) Fetch(ctx context.Context, url string, header map[string]string) (*fetchResponse, error) {
	p.pmu.Lock()
	f := p.fetch
	p.pmu.Unlock()
	if f == nil {
		return nil, errors.New("offline: no fetch in this test")
	}
	return f(ctx, url, header)
}

func (p *memPacks) used() int64 {
	var n int64
	for _, b := range p.cache {
		n += int64(len(b))
	}
	return n
}

func (p *memPacks) CachePut(key string, data []byte, ctype string) error {
	p.pmu.Lock()
	defer p.pmu.Unlock()
	if p.cache == nil {
		p.cache = map[string][]byte{}
	}
	if p.quota > 0 && p.used()+int64(len(data)) > p.quota {
		return errQuota
	}
	p.cache[key] = append([]byte(nil), data...)
	return nil
}

func (p *memPacks) CacheGet(key string) ([]byte, bool, error) {
	p.pmu.Lock()
	defer p.pmu.Unlock()
	b, ok := p.cache[key]
	return b, ok, nil
}

func (p *memPacks) CacheDelete(key string) error {
	p.pmu.Lock()
	defer p.pmu.Unlock()
	delete(p.cache, key)
	return nil
}

func (p *memPacks) CacheKeys() ([]string, error) {
	p.pmu.Lock()
	defer p.pmu.Unlock()
	var keys []string
	for k := range p.cache {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

func (p *memPacks) ObjectURL(data []byte, ctype string) string {
	p.pmu.Lock()
	defer p.pmu.Unlock()
	p.urls++
	return "blob:test/" + strconv.Itoa(p.urls)
}

func (p *memPacks) PersistStorage() bool {
	p.pmu.Lock()
	defer p.pmu.Unlock()
	p.persisted = true
	return true
}

func (p *memPacks) StorageEstimate() (int64, int64, bool) {
	p.pmu.Lock()
	defer p.pmu.Unlock()
	if p.quota == 0 {
		return 0, 0, false
	}
	return p.used(), p.quota, true
}

func (p *memPacks) OnFileImport(string, func(string, []byte, error)) func() { return func() {} }
