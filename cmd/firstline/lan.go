//go:build !wasm

package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"

	qr "github.com/piglig/go-qr"
)

// lanIface is what LAN address detection needs to know of a network
// interface; systemInterfaces reads the machine's, tests make their own.
type lanIface struct {
	Name  string
	Flags net.Flags
	Addrs []net.Addr
}

// lanIP returns the machine's LAN address; a variable so that tests,
// which must only ever use loopback, can stand in for it.
var lanIP = func() (net.IP, error) {
	ifaces, err := systemInterfaces()
	if err != nil {
		return nil, err
	}
	return pickLANIPv4(ifaces)
}

func systemInterfaces() ([]lanIface, error) {
	list, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	out := make([]lanIface, 0, len(list))
	for _, i := range list {
		addrs, err := i.Addrs()
		if err != nil {
			continue
		}
		out = append(out, lanIface{Name: i.Name, Flags: i.Flags, Addrs: addrs})
	}
	return out, nil
}

// pickLANIPv4 returns the first IPv4 address that a phone on the same
// network can reach: on an interface that is up and not loopback, and
// neither loopback nor link-local (169.254/16, which no DHCP server gave).
func pickLANIPv4(ifaces []lanIface) (net.IP, error) {
	for _, i := range ifaces {
		if i.Flags&net.FlagUp == 0 || i.Flags&net.FlagLoopback != 0 {
			continue
		}
		for _, a := range i.Addrs {
			var ip net.IP
			switch v := a.(type) {
			case *net.IPNet:
				ip = v.IP
			case *net.IPAddr:
				ip = v.IP
			}
			if ip4 := ip.To4(); ip4 != nil && ip4.IsGlobalUnicast() {
				return ip4, nil
			}
		}
	}
	return nil, errors.New("no LAN address found: is this machine connected to a network (Wi-Fi or cable)?")
}

// listenLAN adds a listener on the LAN address, on the port ln has, and
// prints the URL a phone should open with a QR code of it. When ln
// already listens there (or on every address), it only prints.
func listenLAN(ln net.Listener, stdout io.Writer) (_ net.Listener, err error) {
	defer func() {
		if err != nil {
			ln.Close()
		}
	}()
	ip, err := lanIP()
	if err != nil {
		return nil, fmt.Errorf("-lan: %v", err)
	}
	tcp, ok := ln.Addr().(*net.TCPAddr)
	if !ok {
		return nil, fmt.Errorf("-lan: cannot listen beside %s", ln.Addr())
	}
	addr := net.JoinHostPort(ip.String(), strconv.Itoa(tcp.Port))
	out := ln
	if !tcp.IP.IsUnspecified() && !tcp.IP.Equal(ip) {
		lan, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, fmt.Errorf("-lan: %v", err)
		}
		out = newMultiListener(ln, lan)
	}
	url := "http://" + addr + preloadPath
	code, err := qrBlocks(url)
	if err != nil {
		return nil, fmt.Errorf("-lan: %v", err)
	}
	fmt.Fprintf(stdout, "On the same network, open %s on a phone, or scan:\n\n%s\n", url, code)
	return out, nil
}

// qrBlocks draws a QR code of text for a terminal, two rows of modules
// per line with the half-block characters. Light modules are drawn as
// blocks and dark ones left blank, which reads right on the usual light
// on dark terminal; phone cameras read the inverse too.
func qrBlocks(text string) (string, error) {
	code, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return "", err
	}
	const quiet = 2 // modules of light margin around the code
	n := code.Size()
	light := func(x, y int) bool {
		if x < 0 || y < 0 || x >= n || y >= n {
			return true
		}
		return !code.Module(x, y)
	}
	var b strings.Builder
	for y := -quiet; y < n+quiet; y += 2 {
		for x := -quiet; x < n+quiet; x++ {
			top, bottom := light(x, y), light(x, y+1)
			if y+1 >= n+quiet {
				bottom = false
			}
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}

// multiListener accepts connections from several listeners, so one
// http.Server serves loopback and the LAN address alike.
type multiListener struct {
	lns   []net.Listener
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func newMultiListener(lns ...net.Listener) *multiListener {
	m := &multiListener{lns: lns, conns: make(chan net.Conn), done: make(chan struct{})}
	for _, ln := range lns {
		go m.acceptFrom(ln)
	}
	return m
}

func (m *multiListener) acceptFrom(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			m.Close() // one listener gone: stop serving, as with one listener
			return
		}
		select {
		case m.conns <- c:
		case <-m.done:
			c.Close()
			return
		}
	}
}

func (m *multiListener) Accept() (net.Conn, error) {
	select {
	case c := <-m.conns:
		return c, nil
	case <-m.done:
		return nil, net.ErrClosed
	}
}

func (m *multiListener) Close() error {
	m.once.Do(func() {
		close(m.done)
		for _, ln := range m.lns {
			ln.Close()
		}
	})
	return nil
}

func (m *multiListener) Addr() net.Addr { return m.lns[0].Addr() }
