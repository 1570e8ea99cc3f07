// Package pack is firstline's content pack protocol: signed catalogs and
// manifests, content-addressed blobs, verification, building a
// repository, and side-load bundles. The server, the authoring CLI and
// the app (wasm) all use it, so it imports no os and nothing heavy;
// package fsrepo holds the file system side.
//
// # Guarantees
//
// Nothing unsigned or wrongly signed is installed; versions never go
// down; a pack is installed whole or not at all; an interrupted download
// leaves the previous content in use; an expired catalog never locks a
// user out of installed content. The functions here give the first two
// and the checks the others need; the app's installer gives the rest by
// verifying everything before it switches to a new pack.
//
// # Repository layout
//
// A repository is a tree of plain static files, safe on any web server
// or CDN:
//
//	catalog              the one mutable file: a signed note (below)
//	blobs/<sha256 hex>   immutable, named by the SHA-256 of their bytes:
//	                     the signed manifests and the packs' files
//
// Only the catalog may be cached briefly (it changes on every build);
// blobs may be cached forever and fetched with Range requests, because a
// name always means the same bytes. An unchanged file is never fetched
// again.
//
// # Signed notes
//
// Catalog and manifest are signed notes (golang.org/x/mod/sumdb/note):
// one line of JSON, a newline, a blank line, then one or more signature
// lines "— <key name> <base64 signature>". Several signatures allow key
// rotation: sign with the new and the old key, ship an app that trusts
// the new key, then drop the old one. A note verifies if at least one
// signature is by a trusted key and no signature by a trusted key is
// invalid; signatures by unknown keys are ignored, and a note signed only
// by unknown keys is rejected. Trusted keys are verifier keys
// ("name+hash+base64"), read with ParseKeys.
//
// The catalog's JSON:
//
//	{"format":"firstline-catalog/1","seq":7,
//	 "issued":"2026-11-26T09:00:00Z","expires":"2026-12-26T09:00:00Z",
//	 "packs":[{"id":"phrases-first-contact-ti","kind":"phrases","version":3,
//	   "title":"…","langs":["ti"],"size":48213,
//	   "manifest":"<sha256 hex>","manifest_size":1234}],
//	 "retired":[{"id":"region-old","version":2}]}
//
// A manifest's JSON (the files sorted by name, names unique):
//
//	{"format":"firstline-manifest/1","id":"phrases-first-contact-ti",
//	 "kind":"phrases","version":3,"title":"…","langs":["ti"],
//	 "files":[{"name":"pack.json","type":"application/json",
//	   "sha256":"<hex>","size":48213}]}
//
// # Verifying
//
// A client keeps the last catalog it trusted (Catalog.Signed) and the
// trusted keys, then:
//
//	cat, err := pack.OpenCatalog(data, keys, prev, time.Now())
//	// *ExpiredError: cat is returned; keep installed content, install nothing
//	m, err := pack.OpenManifest(blob, keys, entry)   // entry from cat.Packs
//	err = pack.CheckFile(m.Files[i], data)           // or NewFileChecker to stream
//
// OpenCatalog rejects a sequence number below prev's (a replayed old
// catalog), the same sequence number with other content, and any pack
// version below prev's. OpenManifest requires the manifest's hash and
// size to be the entry's and its id and version to match, so a manifest
// cannot be swapped between packs or versions. Errors are typed and
// carry fields (SignatureError, SeqError, VersionError, HashError, ...);
// use errors.As. Every input is bounded by the Max constants before it is
// parsed.
//
// # Building
//
// Build turns the authoring side's Content into the blobs and catalog to
// write, continuing from the previous repository (OpenRepo): unchanged
// packs keep their version and manifest, changed ones get version + 1,
// the catalog gets seq + 1 only when something changed.
//
// # Bundles
//
// A bundle (.flpack) carries a catalog and some of its packs on a USB
// drive or through a file share. It is:
//
//	"FLPACK1\n"
//	records: uint16 name length, name, uint64 data length, data (big-endian)
//	  "catalog"            the signed catalog, first
//	  "blobs/<sha256 hex>" the manifests and files of the packs it holds
//	  "end"                empty, last, ending the file exactly
//
// ReadBundle verifies it exactly like a download (the catalog against the
// client's prev, every manifest, every blob) and rejects a bundle that is
// truncated, padded, holds a pack only in part, holds a blob no pack
// uses, or passes MaxBundleSize or MaxBundleRecords.
package pack
