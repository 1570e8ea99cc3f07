package app

import (
	"sort"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases"
)

// benchSearch indexes packs against the officer's pack, types queries and
// reports the median and 95th percentile per query: shared by the native
// and the wasm benchmarks so both measure the same thing.
func benchSearch(b *testing.B, officer *phrases.PhrasePack, packs []*phrases.PhrasePack, queries []string) {
	start := time.Now()
	x := newSearchIndex(officer, packs...)
	indexTime := time.Since(start)
	var times []time.Duration
	var out []*searchEntry
	for b.Loop() {
		for _, q := range queries {
			t0 := time.Now()
			out = x.find(q, out[:0])
			times = append(times, time.Since(t0))
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms/query")
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms/query")
	b.ReportMetric(float64(indexTime.Microseconds())/1000, "index-ms")
	b.ReportMetric(float64(len(x.entries)), "phrases")
	b.ReportMetric(float64(len(packs)), "langs")
}
