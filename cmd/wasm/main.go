// Command wasm is the firstline app as it runs in the browser. It is built
// with GOOS=js GOARCH=wasm into web/app.wasm (see the Makefile); it holds
// no server code, so every phone downloads only the client.
package main

import (
	"os"

	fl "github.com/firstline/firstline/app"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	fl.Register()
	if v := app.Getenv("GOAPP_VERSION"); v != "" {
		fl.Version = v
	} else if v := os.Getenv("GOAPP_VERSION"); v != "" {
		fl.Version = v
	}
	// The installed packs become the Library before the first screen
	// renders; the sync starts with it (app/sync-agent.go).
	if err := fl.StartPacks(); err != nil {
		app.Log("content packs unavailable:", err)
	}
	app.RunWhenOnBrowser()
}
