package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Actions a pack row offers.
const (
	packInstall = "install"
	packUpdate  = "update"
	packRemove  = "remove"
)

// packRow is one pack on the Packs screen: its title, languages, version
// and size, and the buttons for what can be done with it. The page passes
// translated labels down and gets the action back through IOnAction.
type packRow struct {
	app.Compo

	IID       string
	ITitle    string
	ILangs    []string
	IMeta     []string // version, size: already formatted
	IActions  []string // packInstall, packUpdate, packRemove
	ILabels   map[string]string
	IBusy     bool
	IOnAction func(ctx app.Context, id, action string)
}

func newPackRow() *packRow { return &packRow{} }

func (r *packRow) ID(id string) *packRow               { r.IID = id; return r }
func (r *packRow) Title(t string) *packRow             { r.ITitle = t; return r }
func (r *packRow) Langs(l []string) *packRow           { r.ILangs = l; return r }
func (r *packRow) Meta(m ...string) *packRow           { r.IMeta = m; return r }
func (r *packRow) Actions(a ...string) *packRow        { r.IActions = a; return r }
func (r *packRow) Labels(l map[string]string) *packRow { r.ILabels = l; return r }
func (r *packRow) Busy(b bool) *packRow                { r.IBusy = b; return r }
func (r *packRow) OnAction(f func(app.Context, string, string)) *packRow {
	r.IOnAction = f
	return r
}

func (r *packRow) Render() app.UI {
	titleID := "pack-title-" + r.IID
	return app.Li().Class("pack-row").ID("pack-"+r.IID).DataSet("pack", r.IID).Body(
		app.Div().Class("pack-info").Body(
			// The title is in the pack's own language and script.
			app.Span().Class("pack-title").ID(titleID).Lang(first(r.ILangs)).Dir("auto").Text(r.ITitle),
			// Each part isolated (<bdi>), so "52 KB" stays "52 KB" in a
			// right-to-left sentence.
			app.Span().Class("pack-meta").Body(
				app.Range(r.meta()).Slice(func(i int) app.UI {
					if i > 0 {
						return app.Span().Body(app.Text(" · "), app.Bdi().Text(r.meta()[i]))
					}
					return app.Bdi().Text(r.meta()[i])
				}),
			),
		),
		app.Div().Class("pack-actions").Body(
			app.Range(r.IActions).Slice(func(i int) app.UI {
				action := r.IActions[i]
				class := "btn"
				if action == packRemove {
					class = "btn btn-quiet"
				}
				return app.Button().Class(class).ID(action+"-"+r.IID).
					Disabled(r.IBusy).
					Aria("describedby", titleID).
					Text(r.ILabels[action]).
					OnClick(func(ctx app.Context, e app.Event) {
						if r.IOnAction != nil {
							r.IOnAction(ctx, r.IID, action)
						}
					})
			}),
		),
	)
}

func (r *packRow) meta() []string {
	return append([]string{strings.Join(r.ILangs, ", ")}, r.IMeta...)
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// formatBytes writes a size the way people read it: 850 B, 34 KB, 1.2 MB.
func formatBytes(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1000*1000:
		return strconv.FormatInt((n+500)/1000, 10) + " KB"
	default:
		return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
	}
}
