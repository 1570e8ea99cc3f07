package app

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/firstline/firstline/phrases/pack"
)

// packsURL is where the app's own server publishes its pack repository.
const packsURL = "/packs/"

// stallTimeout is how long a request may go without any data before it
// is given up: a slow or stuck server must not hold a sync forever.
var stallTimeout = 15 * time.Second

// resumeAttempts bounds the Range requests after a cut-off response.
const resumeAttempts = 3

// An httpError is a response with a status the sync cannot use.
type httpError struct {
	URL    string
	Status int
}

func (e *httpError) Error() string { return fmt.Sprintf("GET %s: HTTP %d", e.URL, e.Status) }

// netSource fetches a repository's files from the app's own server.
type netSource struct{ b platform }

func (n netSource) manifest(ctx context.Context, e pack.CatalogEntry) ([]byte, error) {
	return n.blob(ctx, e.Manifest, e.ManifestSize, func(int64) {})
}

func (n netSource) file(ctx context.Context, f pack.ManifestFile, progress func(int64)) ([]byte, error) {
	return n.blob(ctx, f.SHA256, f.Size, progress)
}

// blob downloads an immutable blob of the given size. A response cut off
// halfway is resumed with a Range request for the rest (cheap and safe:
// a blob's URL always means the same bytes); a server that ignores the
// Range gets a clean restart. More bytes than size fail at once.
func (n netSource) blob(ctx context.Context, hash string, size int64, progress func(int64)) ([]byte, error) {
	url := packsURL + pack.BlobPath(hash)
	var data []byte
	var lastErr error
	for attempt := 0; attempt <= resumeAttempts; attempt++ {
		hdr := map[string]string{}
		if len(data) > 0 {
			hdr["Range"] = "bytes=" + strconv.Itoa(len(data)) + "-"
		}
		var err error
		var broke bool
		data, broke, err = n.get(ctx, url, hdr, data, size, progress)
		if err == nil && int64(len(data)) == size {
			return data, nil
		}
		if err == nil {
			err = fmt.Errorf("GET %s: %w after %d of %d bytes", url, io.ErrUnexpectedEOF, len(data), size)
			broke = true
		}
		lastErr = err
		if ctx.Err() != nil || !broke {
			// The server is down, refusing, too slow, or lying.
			return nil, err
		}
	}
	return nil, lastErr
}

// get fetches url, appending the body to data (a resumed range) and never
// reading past size. broke reports a response that began and then broke
// off (the connection, not the server's answer): worth another try.
func (n netSource) get(ctx context.Context, url string, hdr map[string]string, data []byte, size int64, progress func(int64)) (_ []byte, broke bool, _ error) {
	resp, cancel, err := fetchStalling(ctx, n.b, url, hdr)
	if err != nil {
		return data, false, err
	}
	defer cancel()
	defer resp.Body.Close()
	switch {
	case resp.Status == 206 && len(data) > 0 && strings.HasPrefix(resp.Header["content-range"], "bytes "+strconv.Itoa(len(data))+"-"):
	case resp.Status == 200:
		if len(data) > 0 {
			progress(-int64(len(data)))
		}
		data = data[:0]
	default:
		return data, false, &httpError{URL: url, Status: resp.Status}
	}
	buf := make([]byte, 32<<10)
	for {
		k, err := resp.Body.Read(buf)
		if int64(len(data)+k) > size {
			return data, false, &pack.SizeError{Pack: "blob " + hash8(url), Name: url, Want: size, Got: int64(len(data) + k)}
		}
		data = append(data, buf[:k]...)
		progress(int64(k))
		if err == io.EOF {
			return data, false, nil
		}
		if err != nil {
			err = resp.readErr(err)
			return data, err != errTimeout, err
		}
	}
}

func hash8(url string) string {
	if i := strings.LastIndexByte(url, '/'); i >= 0 && len(url)-i > 9 {
		return url[i+1 : i+9]
	}
	return url
}

// stalled wraps a response body: a read that waits longer than
// stallTimeout fails with errTimeout.
type stalled struct {
	*fetchResponse
	timer *time.Timer
	fired func() bool
}

func (s *stalled) readErr(err error) error {
	if s.fired() {
		return errTimeout
	}
	return err
}

// fetchStalling fetches with a watchdog: the request is aborted when the
// headers, or then any chunk of the body, take longer than stallTimeout.
func fetchStalling(ctx context.Context, b platform, url string, hdr map[string]string) (*stalled, func(), error) {
	ctx, cancel := context.WithCancel(ctx)
	fired := make(chan struct{})
	timer := time.AfterFunc(stallTimeout, func() { close(fired); cancel() })
	didFire := func() bool {
		select {
		case <-fired:
			return true
		default:
			return false
		}
	}
	resp, err := b.Fetch(ctx, url, hdr)
	if err != nil {
		timer.Stop()
		cancel()
		if didFire() {
			return nil, nil, errTimeout
		}
		return nil, nil, err
	}
	s := &stalled{fetchResponse: resp, timer: timer, fired: didFire}
	s.Body = readerFunc{resp.Body, func() { timer.Reset(stallTimeout) }}
	return s, func() { timer.Stop(); cancel() }, nil
}

// readerFunc calls tick after every read.
type readerFunc struct {
	io.ReadCloser
	tick func()
}

func (r readerFunc) Read(p []byte) (int, error) {
	n, err := r.ReadCloser.Read(p)
	r.tick()
	return n, err
}

// fetchCatalog asks for the catalog, conditionally on the ETag of the one
// held. It returns nil data for a 304 (nothing changed).
func fetchCatalog(ctx context.Context, b platform, etag string) (data []byte, newETag string, err error) {
	hdr := map[string]string{}
	if etag != "" {
		hdr["If-None-Match"] = etag
	}
	url := packsURL + pack.CatalogPath
	resp, cancel, err := fetchStalling(ctx, b, url, hdr)
	if err != nil {
		return nil, "", err
	}
	defer cancel()
	defer resp.Body.Close()
	switch resp.Status {
	case 304:
		return nil, etag, nil
	case 200:
	default:
		return nil, "", &httpError{URL: url, Status: resp.Status}
	}
	data, err = io.ReadAll(io.LimitReader(resp.Body, pack.MaxCatalogSize+1))
	if err != nil {
		return nil, "", resp.readErr(err)
	}
	if len(data) > pack.MaxCatalogSize {
		return nil, "", &pack.LimitError{Doc: "catalog", What: "size", Limit: pack.MaxCatalogSize, Got: int64(len(data))}
	}
	return data, resp.Header["etag"], nil
}
