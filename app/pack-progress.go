package app

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// packProgress shows a sync or import in progress (a progress bar with
// the bytes done and the time left) and then its outcome: a plain
// message, and for a failure the technical detail for a trainer. It is
// a live region, so a screen reader hears the outcome.
type packProgress struct {
	app.Compo

	IStatus syncStatus
	IText   map[string]string // translated: "label", "of", "left", "ok", "detail", "failure"
	INow    time.Time
}

func newPackProgress() *packProgress { return &packProgress{} }

func (p *packProgress) Status(s syncStatus) *packProgress { p.IStatus = s; return p }

// Text sets the translated strings; "left" holds the time left and
// "failure" the failure's message, both already formatted.
func (p *packProgress) Text(t map[string]string) *packProgress { p.IText = t; return p }

func (p *packProgress) Render() app.UI {
	s := p.IStatus
	return app.Div().Class("pack-progress").ID("sync-status").
		DataSet("state", p.state()).DataSet("rev", s.Rev).
		Aria("live", "polite").Body(
		app.If(s.Running, func() app.UI {
			return app.Div().Body(
				app.Progress().ID("sync-progress").Class("progress").
					Aria("label", p.IText["label"]).
					Max(max64(s.Total, 1)).Value(min64(s.Done, max64(s.Total, 1))),
				app.P().Class("progress-text").Text(p.progressText()),
			)
		}).ElseIf(s.Fail.ID != "", func() app.UI {
			return app.Div().Class("alert").ID("sync-error").Role("alert").DataSet("error", s.Fail.ID).Body(
				app.P().Text(p.IText["failure"]),
				app.Details().Body(
					app.Summary().Text(p.IText["detail"]),
					app.P().Class("detail").Dir("ltr").Text(s.Detail),
				),
			)
		}).ElseIf(s.Rev > 0, func() app.UI {
			return app.P().Class("ok").ID("sync-ok").Text(p.IText["ok"])
		}),
	)
}

// state is "running", "failed", "done" or "idle", for tests and styles.
func (p *packProgress) state() string {
	switch s := p.IStatus; {
	case s.Running:
		return "running"
	case s.Fail.ID != "":
		return "failed"
	case s.Rev > 0:
		return "done"
	}
	return "idle"
}

func (p *packProgress) progressText() string {
	s := p.IStatus
	if s.Total <= 0 {
		return p.IText["checking"]
	}
	text := strings.NewReplacer("{{.Done}}", formatBytes(s.Done), "{{.Total}}", formatBytes(s.Total)).Replace(p.IText["of"])
	if left := p.IText["left"]; left != "" {
		text += " · " + left
	}
	return text
}

// secondsLeft estimates the seconds a run still needs from its rate so
// far; -1 when it is too early to say.
func secondsLeft(s syncStatus, now time.Time) int {
	elapsed := now.Sub(s.Started).Seconds()
	if s.Done <= 0 || s.Total <= s.Done || elapsed < 0.5 {
		return -1
	}
	return int(float64(s.Total-s.Done)/(float64(s.Done)/elapsed) + 0.5)
}

func max64(a, b int64) float64 {
	if a > b {
		return float64(a)
	}
	return float64(b)
}

func min64(a int64, b float64) float64 {
	if float64(a) < b {
		return float64(a)
	}
	return b
}
