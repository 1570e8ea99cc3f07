//go:build !(js && wasm)

package app

import (
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The Packs screen lists installed and available packs with labelled
// buttons, and shows a failure in plain words with its detail.
func TestPacksPageRender(t *testing.T) {
	_, d, _, _ := setupSync(t)
	packsMu.Lock()
	packsService = d.s
	packsMu.Unlock()
	t.Cleanup(func() {
		packsMu.Lock()
		packsService = nil
		packsMu.Unlock()
	})
	p := &packsPage{page: page{localized: localized{prefs: prefs{Lang: "en", Dir: "ltr"}}}}
	html := app.HTMLString(p)
	for _, want := range []string{
		`id="pack-guide-fr"`, `id="remove-guide-fr"`, `aria-describedby="pack-title-guide-fr"`,
		`>4 packs installed<`, `id="pack-file"`, `type="file"`, `id="sync-now"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s", want)
		}
	}
	if strings.Contains(html, `id="available-list"`) {
		t.Error("nothing is left to install, but an available list is shown")
	}
	p.status = syncStatus{Fail: explain(&httpError{URL: "/packs/catalog", Status: 503}), Detail: "GET /packs/catalog: HTTP 503", Rev: 2}
	html = app.HTMLString(p)
	if !strings.Contains(html, `role="alert"`) || !strings.Contains(html, "(HTTP 503)") || !strings.Contains(html, "GET /packs/catalog: HTTP 503") {
		t.Errorf("failure not shown: %s", html[strings.Index(html, "sync-status"):][:400])
	}
	p.status = syncStatus{Running: true, Total: 2_000_000, Done: 500_000, Started: time.Now().Add(-3 * time.Second), Rev: 3}
	html = app.HTMLString(p)
	if !strings.Contains(html, "500 KB of 2.0 MB · about 9 seconds left") || !strings.Contains(html, `aria-label="Download progress"`) {
		t.Errorf("progress not shown: %s", html[strings.Index(html, "sync-status"):][:400])
	}
}

func TestVerifiedText(t *testing.T) {
	p := &packsPage{page: page{localized: localized{prefs: prefs{Lang: "ru", Dir: "ltr"}}}}
	for _, tc := range []struct {
		ago  time.Duration
		want string
	}{
		{0, "Ещё не проверено"},
		{time.Hour, "сегодня"},
		{3 * 24 * time.Hour, "3 дня назад"},
		{5 * 24 * time.Hour, "5 дней назад"},
	} {
		at := time.Time{}
		if tc.ago > 0 {
			at = time.Now().Add(-tc.ago)
		}
		if got := p.verifiedText(at); !strings.Contains(got, tc.want) {
			t.Errorf("%v ago: %q, want %q in it", tc.ago, got, tc.want)
		}
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 999: "999 B", 1499: "1 KB", 52496: "52 KB", 1_404_092: "1.4 MB"} {
		if got := formatBytes(n); got != want {
			t.Errorf("formatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
