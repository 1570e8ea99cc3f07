//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// The accessibility audit: axe-core (from npm, fetched into bin/ by `make
// axe`, never served by the app) injected into a screen through DevTools,
// failing the test on any serious or critical violation.

// axeVersion is the axe-core release the audit fetches when bin/ has none.
const axeVersion = "4.10"

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeScript returns axe.min.js, fetching it with npm when missing. Under
// CI=true a missing axe fails the test; elsewhere it skips the audit.
func axeScript(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		root, err := filepath.Abs("../..")
		if err != nil {
			axeErr = err
			return
		}
		path := filepath.Join(root, "bin", "axe", "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(path); err != nil {
			cmd := exec.Command("npm", "install", "--prefix", filepath.Join(root, "bin", "axe"), "--no-audit", "--no-fund", "--no-save", "axe-core@"+axeVersion)
			if out, err := cmd.CombinedOutput(); err != nil {
				axeErr = err
				t.Logf("npm install axe-core: %v\n%s", err, out)
				return
			}
		}
		b, err := os.ReadFile(path)
		axeSource, axeErr = string(b), err
	})
	if axeErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core unavailable (make axe fetches it): %v", axeErr)
		}
		t.Skipf("axe-core unavailable (make axe fetches it): %v", axeErr)
	}
	return axeSource
}

// axeViolation is one failed rule, with where it failed.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
	HTML    string   `json:"html"`
}

// audit runs axe on the current screen in the theme given ("light" or
// "dark", forced on <html> as Settings does) and reports every serious
// or critical violation as a test error naming the screen.
func audit(t *testing.T, ctx context.Context, screen, theme string) {
	t.Helper()
	src := axeScript(t)
	if !eval[bool](t, ctx, `typeof axe === "object"`) {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			t.Fatalf("injecting axe: %v", err)
		}
	}
	eval[bool](t, ctx, `(document.documentElement.setAttribute("data-theme", "`+theme+`"), true)`)
	// Let the theme's transitions (if any) settle before colours are read.
	eval[bool](t, ctx, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	raw := eval[string](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify({
	  passes: r.passes.length,
	  violations: r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
	    id: v.id, impact: v.impact, help: v.help,
	    targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
	    html: v.nodes.length ? v.nodes[0].html.slice(0, 200) : "" }))}))`)
	var res struct {
		Passes     int            `json:"passes"`
		Violations []axeViolation `json:"violations"`
	}
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		t.Fatalf("axe result: %v: %s", err, raw)
	}
	// color-contrast, landmarks, names...: a real run passes dozens.
	if res.Passes < 10 {
		t.Errorf("axe %s (%s theme): only %d rules ran", screen, theme, res.Passes)
	}
	for _, v := range res.Violations {
		t.Errorf("axe %s (%s theme): %s %s: %s at %s, e.g. %s", screen, theme, v.Impact, v.ID, v.Help, strings.Join(v.Targets, ", "), v.HTML)
	}
}
