package app

import (
	"context"
	"time"

	"github.com/firstline/firstline/phrases/pack"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// importInputID is the file input of the side-load card.
const importInputID = "pack-file"

// packsPage lists the packs installed on the device and those the catalog
// offers, with install / update / remove, "update all", the progress of a
// run and a plain message for every failure; and imports a .flpack bundle
// chosen with the file input or dropped on the page.
type packsPage struct {
	app.Compo
	page

	status  syncStatus
	rev     int
	release func()
	ticking bool
}

func (p *packsPage) OnPreRender(ctx app.Context) { p.mountPage(ctx, "title.packs") }

func (p *packsPage) OnMount(ctx app.Context) {
	p.mountPage(ctx, "title.packs")
	ctx.ObserveState(stateSync, &p.status).OnChange(func() { p.tick(ctx) })
	ctx.ObserveState(stateLibrary, &p.rev)
	if s := service(); s != nil {
		p.status = s.snapshot()
		p.release = browser.OnFileImport(importInputID, func(name string, data []byte, err error) {
			if err != nil {
				s.exclusive(func(context.Context) (int, error) {
					return 0, &pack.FormatError{Doc: name, Err: err}
				})
				return
			}
			s.importBundle(data)
		})
	}
	p.tick(ctx)
}

// tick refreshes the time left once a second while a run goes on.
func (p *packsPage) tick(ctx app.Context) {
	if p.ticking || !p.status.Running {
		return
	}
	p.ticking = true
	ctx.After(time.Second, func(ctx app.Context) {
		p.ticking = false
		if p.Mounted() {
			p.tick(ctx)
		}
	})
}

func (p *packsPage) OnDismount() {
	if p.release != nil {
		p.release()
	}
}

func (p *packsPage) Render() app.UI {
	s := service()
	var installedPacks []installed
	var cat *pack.Catalog
	var verified time.Time
	if s != nil {
		installedPacks, cat, verified = s.st.packList(), s.st.catalog(), s.st.verified()
	}
	have := map[string]installed{}
	for _, ip := range installedPacks {
		have[ip.ID] = ip
	}
	var available []pack.CatalogEntry
	updates := 0
	if cat != nil {
		for _, e := range cat.Packs {
			if ip, ok := have[e.ID]; !ok {
				available = append(available, e)
			} else if ip.Manifest != e.Manifest && e.Version > ip.Version {
				updates++
			}
		}
	}
	busy := p.status.Running
	return newShell().Route(RoutePacks).Title(p.T("title.packs")).Content(
		app.Section().Class("card").ID("packs-sync").Body(
			app.P().ID("packs-count").Text(p.N("packs.installed", len(installedPacks))),
			app.P().Class("pack-muted").ID("packs-verified").Text(p.verifiedText(verified)),
			app.If(cat != nil && !time.Now().Before(cat.Expires), func() app.UI {
				return app.P().Class("alert").ID("packs-expired").Text(p.T("sync.err.expired"))
			}),
			app.Div().Class("pack-actions").Body(
				app.Button().Class("btn").ID("sync-now").Disabled(busy).
					Text(p.syncLabel(updates)).
					OnClick(func(ctx app.Context, e app.Event) {
						if s := service(); s != nil {
							s.start(syncRequest{})
						}
					}),
			),
			newPackProgress().Status(p.status).Text(p.progressText()),
		),
		app.Section().Class("card").Aria("labelledby", "packs-installed").Body(
			app.H2().ID("packs-installed").Text(p.T("packs.installed.heading")),
			app.If(len(installedPacks) == 0, func() app.UI {
				return app.P().Class("empty").Text(p.T("packs.empty"))
			}).Else(func() app.UI {
				return app.Ul().Class("pack-list").ID("installed-list").Body(
					app.Range(installedPacks).Slice(func(i int) app.UI {
						ip := installedPacks[i]
						actions := []string{packRemove}
						if e, ok := cat.Entry(ip.ID); ok && cat != nil && e.Manifest != ip.Manifest && e.Version > ip.Version {
							actions = []string{packUpdate, packRemove}
						}
						return newPackRow().ID(ip.ID).Title(ip.Title).Langs(ip.Langs).
							Meta(p.N("packs.version", int(ip.Version)) + " · " + formatBytes(ip.Size())).
							Actions(actions...).Labels(p.actionLabels()).Busy(busy).OnAction(p.act)
					}),
				)
			}),
		),
		app.If(len(available) > 0, func() app.UI {
			return app.Section().Class("card").Aria("labelledby", "packs-available").Body(
				app.H2().ID("packs-available").Text(p.T("packs.available.heading")),
				app.Ul().Class("pack-list").ID("available-list").Body(
					app.Range(available).Slice(func(i int) app.UI {
						e := available[i]
						return newPackRow().ID(e.ID).Title(e.Title).Langs(e.Langs).
							Meta(p.N("packs.version", int(e.Version)) + " · " + formatBytes(e.Size)).
							Actions(packInstall).Labels(p.actionLabels()).Busy(busy).OnAction(p.act)
					}),
				),
			)
		}),
		app.Section().Class("card").ID("packs-import").Aria("labelledby", "import-heading").Body(
			app.H2().ID("import-heading").Text(p.T("packs.import.heading")),
			app.P().Class("pack-muted").ID("import-hint").Text(p.T("packs.import.hint")),
			app.Label().Class("btn file-btn").For(importInputID).Body(
				app.Text(p.T("packs.import.choose")),
				app.Input().Type("file").ID(importInputID).Class("file-input").
					Accept(".flpack,application/octet-stream").Disabled(busy).
					Aria("describedby", "import-hint"),
			),
		),
	)
}

// act runs a row's action in the background.
func (p *packsPage) act(ctx app.Context, id, action string) {
	s := service()
	if s == nil {
		return
	}
	switch action {
	case packInstall, packUpdate:
		s.start(syncRequest{install: []string{id}})
	case packRemove:
		s.remove(id)
	}
}

func (p *packsPage) actionLabels() map[string]string {
	return map[string]string{
		packInstall: p.T("packs.install"),
		packUpdate:  p.T("packs.update"),
		packRemove:  p.T("packs.remove"),
	}
}

func (p *packsPage) syncLabel(updates int) string {
	if updates > 0 {
		return p.N("packs.updateall", updates)
	}
	return p.T("packs.sync")
}

// verifiedText says when the server last confirmed the catalog.
func (p *packsPage) verifiedText(t time.Time) string {
	if t.IsZero() {
		return p.T("packs.verified.never")
	}
	days := int(time.Since(t).Hours() / 24)
	if days < 1 {
		return p.T("packs.verified.today")
	}
	return p.N("packs.verified.days", days)
}

func (p *packsPage) progressText() map[string]string {
	t := map[string]string{
		"label":    p.T("packs.progress.label"),
		"of":       p.T("packs.progress.of"),
		"checking": p.T("packs.progress.checking"),
		"detail":   p.T("packs.err.detail"),
		"ok":       p.T("packs.uptodate"),
	}
	if n := p.status.Changed; n > 0 {
		t["ok"] = p.N("packs.changed", n)
	}
	if secs := secondsLeft(p.status, time.Now()); secs >= 0 {
		t["left"] = p.N("packs.secondsleft", secs)
	}
	if p.status.Fail.ID != "" {
		t["failure"] = p.status.Fail.text(&p.localized)
	}
	return t
}
