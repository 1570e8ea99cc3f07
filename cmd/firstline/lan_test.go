//go:build !wasm

package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	qr "github.com/piglig/go-qr"
)

func ipnet(s string) net.Addr {
	ip, n, err := net.ParseCIDR(s)
	if err != nil {
		panic(err)
	}
	n.IP = ip
	return n
}

// The interfaces here are made up: the test reads them, never uses them.
func TestPickLANIPv4(t *testing.T) {
	up := net.FlagUp | net.FlagBroadcast
	lo := lanIface{"lo", net.FlagUp | net.FlagLoopback, []net.Addr{ipnet("127.0.0.1/8"), ipnet("::1/128")}}
	for _, tc := range []struct {
		name   string
		ifaces []lanIface
		want   string
	}{
		{"wifi", []lanIface{lo, {"wlan0", up, []net.Addr{ipnet("fe80::1/64"), ipnet("192.168.1.23/24")}}}, "192.168.1.23"},
		{"first of two", []lanIface{lo, {"eth0", up, []net.Addr{ipnet("10.0.0.5/8")}}, {"wlan0", up, []net.Addr{ipnet("192.168.1.23/24")}}}, "10.0.0.5"},
		{"down skipped", []lanIface{{"eth0", net.FlagBroadcast, []net.Addr{ipnet("10.0.0.5/8")}}, {"wlan0", up, []net.Addr{ipnet("172.16.4.2/12")}}}, "172.16.4.2"},
		{"link-local skipped", []lanIface{{"eth0", up, []net.Addr{ipnet("169.254.3.3/16")}}, {"usb0", up, []net.Addr{&net.IPAddr{IP: net.ParseIP("192.168.42.129")}}}}, "192.168.42.129"},
		{"loopback only", []lanIface{lo}, ""},
		{"IPv6 only", []lanIface{lo, {"eth0", up, []net.Addr{ipnet("2001:db8::5/64")}}}, ""},
		{"none", nil, ""},
	} {
		got, err := pickLANIPv4(tc.ifaces)
		if tc.want == "" {
			if err == nil {
				t.Errorf("%s: got %v, want an error", tc.name, got)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("%s: got %v, %v; want %s", tc.name, got, err, tc.want)
		}
	}
}

// The terminal QR code decodes back to the URL.
func TestQRBlocksDecode(t *testing.T) {
	for _, url := range []string{"http://192.168.1.23:8000/preload", "http://10.0.0.5:41234/preload"} {
		text, err := qrBlocks(url)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := qr.Decode(blocksImage(text)); err != nil || got != url {
			t.Errorf("decoded %q, %v; want %q", got, err, url)
		}
	}
}

// blocksImage draws the half-block text as a picture: drawn (light)
// modules white, blank ones black, 6 pixels a module.
func blocksImage(text string) image.Image {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	const px = 6
	w := len([]rune(lines[0]))
	img := image.NewGray(image.Rect(0, 0, (w+8)*px, (2*len(lines)+8)*px))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	set := func(x, y int, light bool) {
		c := color.Gray{0}
		if light {
			c.Y = 0xff
		}
		for dy := 0; dy < px; dy++ {
			for dx := 0; dx < px; dx++ {
				img.SetGray((x+4)*px+dx, (y+4)*px+dy, c)
			}
		}
	}
	for row, line := range lines {
		for x, r := range []rune(line) {
			set(x, 2*row, r == '█' || r == '▀')
			set(x, 2*row+1, r == '█' || r == '▄' || row == len(lines)-1)
		}
	}
	return img
}

func TestMultiListener(t *testing.T) {
	a, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	m := newMultiListener(a, b)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") })}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(m) }()
	for _, ln := range []net.Listener{a, b} {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(body) != "hello" {
			t.Errorf("%s: %q", ln.Addr(), body)
		}
	}
	srv.Close()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after Close")
	}
	if _, err := net.Dial("tcp", b.Addr().String()); err == nil {
		t.Error("the second listener is still open")
	}
}

// syncBuffer is a bytes.Buffer safe to read while the server writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serve -lan prints the URL of the preload page and a QR code of it, and
// serves that page. The LAN address is stood in for by loopback.
func TestServeLAN(t *testing.T) {
	newTestServer(t, nil) // skips (or fails under CI) without the wasm build
	old := lanIP
	lanIP = func() (net.IP, error) { return net.IPv4(127, 0, 0, 1), nil }
	t.Cleanup(func() { lanIP = old })

	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan error, 1)
	go func() { done <- Run(ctx, []string{"serve", "-lan", "-addr", "127.0.0.1:0"}, &out, &errb) }()
	urlRE := regexp.MustCompile(`open (http://127\.0\.0\.1:\d+/preload) on a phone`)
	var url string
	for deadline := time.Now().Add(30 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := urlRE.FindStringSubmatch(out.String()); m != nil && strings.Count(out.String(), "\n") > 10 {
			url = m[1]
		}
	}
	if url == "" {
		cancel()
		t.Fatalf("no URL printed:\n%s\n%s", out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "█") {
		t.Errorf("no QR code printed:\n%s", out.String())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), ".flpack") {
		t.Errorf("preload page: %d\n%s", resp.StatusCode, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
