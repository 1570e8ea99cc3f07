//go:build !wasm

package main

import "testing"

func TestNegotiate(t *testing.T) {
	both := map[string][]byte{"br": nil, "gzip": nil}
	gzOnly := map[string][]byte{"gzip": nil}
	for _, tc := range []struct {
		header string
		have   map[string][]byte
		want   string
	}{
		{"gzip, deflate, br, zstd", both, "br"},
		{"gzip, deflate", both, "gzip"},
		{"br", gzOnly, ""},
		{"BR", both, "br"},
		{"br;q=0", both, ""},
		{"br;q=0, *", both, "gzip"},
		{"br;q=0.1, gzip;q=0.9", both, "gzip"},
		{"*;q=0", both, ""},
		{"x-gzip", gzOnly, "gzip"},
		{"br;q=nonsense", both, ""},
		{"br;q=2", both, ""},
		{"", both, ""},
		{"gzip", nil, ""},
	} {
		if got := negotiate(tc.header, tc.have); got != tc.want {
			t.Errorf("negotiate(%q, %v) = %q, want %q", tc.header, tc.have, got, tc.want)
		}
	}
}

func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"gzip, deflate, br", "br;q=0, *", "*;q=0.5", ";;,,q=", "br;q=1e400"} {
		f.Add(s)
	}
	have := map[string][]byte{"br": nil, "gzip": nil}
	f.Fuzz(func(t *testing.T, header string) {
		got := negotiate(header, have)
		if got != "" && got != "br" && got != "gzip" {
			t.Fatalf("negotiate(%q) = %q", header, got)
		}
		if got != "" && len(header) > maxAcceptEncoding {
			t.Fatalf("parsed an oversized header")
		}
	})
}

func FuzzEtagMatches(f *testing.F) {
	f.Add(`"abc"`, `"abc"`)
	f.Add(`W/"abc", "def"`, `"def"`)
	f.Fuzz(func(t *testing.T, header, etag string) {
		if etagMatches(header, etag) && header == "" {
			t.Fatal("empty If-None-Match matched")
		}
	})
}
