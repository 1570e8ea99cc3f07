package app

import (
	"errors"
	"io"
)

// packsCache is the Cache Storage cache holding the packs' blobs, keyed
// by blobKey. Its name must not start with "app-": the service worker
// deletes those caches on every app update (web/app-worker.js).
const packsCache = "packs-v1"

// fetchResponse is what Fetch returns: the status, the response headers
// the sync needs (lower-case names) and the streaming body.
type fetchResponse struct {
	Status int
	Header map[string]string
	Body   io.ReadCloser
}

// errQuota is returned by CachePut when the device's storage is full.
var errQuota = errors.New("storage full")

// errTimeout is returned by a read that got no data for too long.
var errTimeout = errors.New("no data from the server in time")

// errOffline is a sync's outcome while the browser has no network.
var errOffline = errors.New("offline")
