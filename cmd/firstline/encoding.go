//go:build !wasm

package main

import (
	"strconv"
	"strings"
)

// maxAcceptEncoding bounds the header we parse; real browsers send < 64 bytes.
const maxAcceptEncoding = 1024

// negotiate picks "br" or "gzip" from an Accept-Encoding header (RFC 9110
// q-values; "*" counts for both), among the encodings available, preferring
// brotli on a tie. It returns "" for the identity encoding.
func negotiate(header string, available map[string][]byte) string {
	if len(header) > maxAcceptEncoding || len(available) == 0 {
		return ""
	}
	q := map[string]float64{}
	star := -1.0
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		weight := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(strings.ToLower(k)) == "q" {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			weight = f
		}
		if name == "*" {
			star = weight
			continue
		}
		q[name] = weight
	}
	best, bestQ := "", 0.0
	for _, enc := range []string{"br", "gzip"} {
		if _, ok := available[enc]; !ok {
			continue
		}
		w, ok := q[enc]
		if !ok && enc == "gzip" {
			w, ok = q["x-gzip"]
		}
		if !ok {
			w = max(star, 0)
		}
		if w > bestQ {
			best, bestQ = enc, w
		}
	}
	return best
}
