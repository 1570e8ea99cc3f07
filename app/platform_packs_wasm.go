//go:build js && wasm

package app

import (
	"context"
	"errors"
	"io"
	"syscall/js"
)

// await waits for a promise, on the calling goroutine (never the UI
// one): then(ok, fail), as Value.Then handles only resolution.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: arg(args)}
		return nil
	})
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{err: jsError(arg(args))}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	p.Call("then", ok, fail)
	r := <-ch
	return r.v, r.err
}

func arg(args []js.Value) js.Value {
	if len(args) == 0 {
		return js.Undefined()
	}
	return args[0]
}

// jsError turns a rejection into a Go error; a full quota becomes errQuota.
func jsError(v js.Value) error {
	if v.Type() == js.TypeObject {
		if n := v.Get("name"); n.Type() == js.TypeString && n.String() == "QuotaExceededError" {
			return errQuota
		}
		if m := v.Get("message"); m.Type() == js.TypeString {
			return errors.New(m.String())
		}
	}
	if v.Type() == js.TypeString {
		return errors.New(v.String())
	}
	return errors.New("browser call failed")
}

// catching runs a synchronous JS call, turning a thrown exception into
// an error rather than a crash of the wasm.
func catching(f func() js.Value) (v js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			if je, ok := r.(js.Error); ok {
				err = jsError(je.Value)
				return
			}
			err = errors.New("browser call failed")
		}
	}()
	return f(), nil
}

func (jsPlatform) Fetch(ctx context.Context, url string, header map[string]string) (*fetchResponse, error) {
	ac := js.Global().Get("AbortController").New()
	h := js.Global().Get("Object").New()
	for k, v := range header {
		h.Set(k, v)
	}
	opts := js.Global().Get("Object").New()
	opts.Set("headers", h)
	opts.Set("signal", ac.Get("signal"))
	// The HTTP cache must not answer for the server: the catalog is
	// revalidated with our own If-None-Match, blobs are verified anyway.
	opts.Set("cache", "no-store")
	stop := context.AfterFunc(ctx, func() { ac.Call("abort") })
	resp, err := await(js.Global().Call("fetch", url, opts))
	if err != nil {
		stop()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	out := &fetchResponse{Status: resp.Get("status").Int(), Header: map[string]string{}}
	for _, k := range []string{"etag", "content-range", "content-length", "content-type"} {
		if v := resp.Get("headers").Call("get", k); v.Type() == js.TypeString {
			out.Header[k] = v.String()
		}
	}
	body := resp.Get("body")
	if !body.Truthy() {
		stop()
		out.Body = io.NopCloser(eofReader{})
		return out, nil
	}
	out.Body = &streamReader{ctx: ctx, r: body.Call("getReader"), stop: stop}
	return out, nil
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// streamReader reads a fetch body chunk by chunk (ReadableStream reader).
type streamReader struct {
	ctx  context.Context
	r    js.Value
	buf  []byte
	done bool
	stop func() bool
}

func (s *streamReader) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.done {
			return 0, io.EOF
		}
		res, err := await(s.r.Call("read"))
		if err != nil {
			if s.ctx.Err() != nil {
				return 0, s.ctx.Err()
			}
			return 0, err
		}
		if res.Get("done").Bool() {
			s.done = true
			continue
		}
		chunk := res.Get("value")
		s.buf = make([]byte, chunk.Get("length").Int())
		js.CopyBytesToGo(s.buf, chunk)
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

func (s *streamReader) Close() error {
	s.stop()
	if !s.done {
		s.r.Call("cancel").Call("catch", ignoreRejection)
	}
	return nil
}

func openPacksCache() (js.Value, error) {
	c := js.Global().Get("caches")
	if !c.Truthy() {
		return js.Value{}, errors.New("Cache Storage unavailable (not a secure origin?)")
	}
	return await(c.Call("open", packsCache))
}

func uint8Array(data []byte) js.Value {
	a := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(a, data)
	return a
}

func (jsPlatform) CachePut(key string, data []byte, ctype string) error {
	c, err := openPacksCache()
	if err != nil {
		return err
	}
	init := js.Global().Get("Object").New()
	h := js.Global().Get("Object").New()
	h.Set("Content-Type", ctype)
	init.Set("headers", h)
	resp := js.Global().Get("Response").New(uint8Array(data), init)
	_, err = await(c.Call("put", key, resp))
	return err
}

func (jsPlatform) CacheGet(key string) ([]byte, bool, error) {
	c, err := openPacksCache()
	if err != nil {
		return nil, false, err
	}
	resp, err := await(c.Call("match", key))
	if err != nil || !resp.Truthy() {
		return nil, false, err
	}
	buf, err := await(resp.Call("arrayBuffer"))
	if err != nil {
		return nil, false, err
	}
	a := js.Global().Get("Uint8Array").New(buf)
	data := make([]byte, a.Get("length").Int())
	js.CopyBytesToGo(data, a)
	return data, true, nil
}

func (jsPlatform) CacheDelete(key string) error {
	c, err := openPacksCache()
	if err != nil {
		return err
	}
	_, err = await(c.Call("delete", key))
	return err
}

func (jsPlatform) CacheKeys() ([]string, error) {
	c, err := openPacksCache()
	if err != nil {
		return nil, err
	}
	reqs, err := await(c.Call("keys"))
	if err != nil {
		return nil, err
	}
	origin := js.Global().Get("location").Get("origin").String()
	keys := make([]string, reqs.Length())
	for i := range keys {
		u := reqs.Index(i).Get("url").String()
		if len(u) > len(origin) && u[:len(origin)] == origin {
			u = u[len(origin):]
		}
		keys[i] = u
	}
	return keys, nil
}

func (jsPlatform) ObjectURL(data []byte, ctype string) string {
	parts := js.Global().Get("Array").New(uint8Array(data))
	opts := js.Global().Get("Object").New()
	opts.Set("type", ctype)
	blob := js.Global().Get("Blob").New(parts, opts)
	return js.Global().Get("URL").Call("createObjectURL", blob).String()
}

func storageManager() js.Value { return js.Global().Get("navigator").Get("storage") }

func (jsPlatform) PersistStorage() bool {
	sm := storageManager()
	if !sm.Truthy() || !sm.Get("persist").Truthy() {
		return false
	}
	v, err := await(sm.Call("persist"))
	return err == nil && v.Truthy()
}

func (jsPlatform) StorageEstimate() (int64, int64, bool) {
	sm := storageManager()
	if !sm.Truthy() || !sm.Get("estimate").Truthy() {
		return 0, 0, false
	}
	v, err := await(sm.Call("estimate"))
	if err != nil || !v.Get("quota").Truthy() {
		return 0, 0, false
	}
	return int64(v.Get("usage").Float()), int64(v.Get("quota").Float()), true
}

// OnFileImport listens on the document: a change of the file input with
// the given id (change events bubble) and a drop anywhere. Dragging over
// the page must be accepted (preventDefault) or the browser opens the
// dropped file instead.
func (jsPlatform) OnFileImport(inputID string, f func(name string, data []byte, err error)) func() {
	doc := js.Global().Get("document")
	read := func(file js.Value) {
		if !file.Truthy() {
			return
		}
		name := file.Get("name").String()
		p := file.Call("arrayBuffer")
		go func() {
			buf, err := await(p)
			if err != nil {
				f(name, nil, err)
				return
			}
			a := js.Global().Get("Uint8Array").New(buf)
			data := make([]byte, a.Get("length").Int())
			js.CopyBytesToGo(data, a)
			f(name, data, nil)
		}()
	}
	change := js.FuncOf(func(_ js.Value, args []js.Value) any {
		t := arg(args).Get("target")
		if t.Get("id").String() != inputID {
			return nil
		}
		if files := t.Get("files"); files.Truthy() && files.Length() > 0 {
			read(files.Index(0))
		}
		t.Set("value", "") // the same file may be chosen again
		return nil
	})
	over := js.FuncOf(func(_ js.Value, args []js.Value) any {
		arg(args).Call("preventDefault")
		return nil
	})
	drop := js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := arg(args)
		e.Call("preventDefault")
		if files := e.Get("dataTransfer").Get("files"); files.Truthy() && files.Length() > 0 {
			read(files.Index(0))
		}
		return nil
	})
	doc.Call("addEventListener", "change", change)
	doc.Call("addEventListener", "dragover", over)
	doc.Call("addEventListener", "drop", drop)
	return func() {
		doc.Call("removeEventListener", "change", change)
		doc.Call("removeEventListener", "dragover", over)
		doc.Call("removeEventListener", "drop", drop)
		change.Release()
		over.Release()
		drop.Release()
	}
}
