//go:build !js

// Package web holds the static assets the server embeds: styles, icons,
// the service worker template and, once `make build` has made it, the
// client app.wasm with its brotli and gzip copies. The built binary runs
// from any folder.
package web

import "embed"

// FS is every file of this folder. app.wasm* are present only after the
// wasm build; the server reports their absence clearly.
//
//go:embed *
var FS embed.FS
