package app

import (
	"strings"

	"github.com/firstline/firstline/locales"
	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guideModulePage shows one module of the field guide, /guide/{module}:
// its sections, ticks for its checklists (kept on the device, clearable),
// bookmarks, and the regional contacts where the module points to them.
type guideModulePage struct {
	app.Compo
	page

	module string // module ID, from the address
	target string // item ID, from the address's fragment
	ticks  idSet
	marks  idSet
	rev    int // stateLibrary
}

func (m *guideModulePage) OnPreRender(ctx app.Context) {
	m.mountPage(ctx, "title.guide")
	m.load(ctx)
}

// OnMount observes the prefs and the library after mountPage, so that
// the document title is the module's (go-app keeps one observer per
// state and component: the last one set).
func (m *guideModulePage) OnMount(ctx app.Context) {
	m.mountPage(ctx, "title.guide")
	ctx.ObserveState(stateLibrary, &m.rev).OnChange(func() { m.setModuleTitle(ctx) })
	ctx.ObserveState(statePrefs, &m.prefs).OnChange(func() { m.setModuleTitle(ctx) })
	m.load(ctx)
}

// OnNav follows the address: another module, or another item (#id).
func (m *guideModulePage) OnNav(ctx app.Context) { m.load(ctx) }

// load reads the module ID from the address and the stored ticks and
// bookmarks.
func (m *guideModulePage) load(ctx app.Context) {
	u := ctx.Page().URL()
	m.module, m.target = strings.TrimPrefix(u.Path, RouteGuidePrefix), u.Fragment
	m.ticks = loadIDs(browser, ticksKey(m.module))
	m.marks = loadIDs(browser, storeBookmarks)
	m.setModuleTitle(ctx)
}

func (m *guideModulePage) setModuleTitle(ctx app.Context) {
	g, _ := guideFor(currentLibrary(), m.lang())
	if mod := guideModule(g, m.module); mod != nil {
		ctx.Page().SetTitle(mod.Title + " · " + m.T("app.name"))
	} else {
		m.setTitle(ctx)
	}
}

func (m *guideModulePage) tick(ctx app.Context, id string) {
	m.ticks = m.ticks.toggle(id)
	m.ticks.save(browser, ticksKey(m.module))
}

func (m *guideModulePage) mark(ctx app.Context, id string) {
	m.marks = m.marks.toggle(id)
	m.marks.save(browser, storeBookmarks)
}

func (m *guideModulePage) clearTicks(ctx app.Context, e app.Event) {
	m.ticks = nil
	m.ticks.save(browser, ticksKey(m.module))
}

func (m *guideModulePage) Render() app.UI {
	g, fallback := guideFor(currentLibrary(), m.lang())
	mod := guideModule(g, m.module)
	title := m.T("title.guide")
	if mod != nil {
		title = mod.Title
	}
	return newShell().Route(RouteHome).Title(title).Content(
		app.A().Class("back").ID("guide-back").Href(RouteHome).Text(m.T("guide.back")),
		m.body(g, mod, fallback),
	)
}

func (m *guideModulePage) body(g *phrases.Guide, mod *phrases.Module, fallback bool) app.UI {
	switch {
	case g == nil:
		return app.P().Class("empty").Text(m.T("guide.empty"))
	case mod == nil:
		return app.P().Class("empty").Text(m.T("guide.notfound"))
	}
	labels := m.guideLabels()
	return app.Div().Body(
		m.guideNoticeFor(guideIsDraft(g), fallback),
		app.If(hasItemType(mod, phrases.ItemCheck), func() app.UI {
			return app.Div().Class("ticks-bar").Body(
				app.Span().Class("muted").Text(m.T("guide.ticks.local")),
				app.Button().Class("btn secondary").ID("clear-ticks").Disabled(len(m.ticks) == 0).
					Text(m.T("guide.ticks.clear")).OnClick(m.clearTicks),
			)
		}),
		// The guide's own language, which differs from the page's when
		// the English guide stands in for a missing one.
		app.Div().Class("guide-module").Lang(g.Lang).Dir(g.Dir).Body(
			app.If(mod.Summary != "", func() app.UI { return app.P().Class("summary").Text(mod.Summary) }),
			m.sections(mod, labels),
		),
	)
}

func (m *guideModulePage) sections(mod *phrases.Module, labels guideLabels) app.UI {
	return app.Range(mod.Sections).Slice(func(i int) app.UI {
		s := mod.Sections[i]
		return app.Div().Body(
			newGuideSection(s).State(m.ticks, m.marks).Labels(labels).Target(m.target).OnTick(m.tick).OnMark(m.mark),
			app.If(hasContactItems(s), func() app.UI {
				return newGuideContacts(currentLibrary().Regions()).Labels(labels)
			}),
		)
	})
}

// guideIsDraft reports a translated guide that no qualified person has
// reviewed whole. The source language is the original, not a translation.
func guideIsDraft(g *phrases.Guide) bool {
	return g.Status.State == phrases.Draft && g.Lang != sourceGuideLang
}

// sourceGuideLang is the language the guide is written in and falls
// back to.
const sourceGuideLang = locales.Source

func hasItemType(mod *phrases.Module, t phrases.ItemType) bool {
	for _, s := range mod.Sections {
		for _, it := range s.Items {
			if it.Type == t {
				return true
			}
		}
	}
	return false
}

func hasContactItems(s phrases.Section) bool {
	for _, it := range s.Items {
		if it.Type == phrases.ItemContact {
			return true
		}
	}
	return false
}

// guideLabels translates the strings the guide's parts show.
func (l *localized) guideLabels() guideLabels {
	roles := map[string]string{}
	for _, r := range phrases.ContactRoles {
		roles[r] = l.T("role." + r)
	}
	return guideLabels{
		Bookmark: l.T("guide.bookmark"), Do: l.T("guide.do"), Dont: l.T("guide.dont"),
		Call: l.T("guide.call"), Hours: l.T("guide.hours"), Langs: l.T("guide.languages"),
		NoRegion: l.T("guide.contacts.none"), Packs: l.T("guide.contacts.packs"), Roles: roles, UILang: l.lang(),
	}
}
