package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// page is embedded by every routed page: it keeps the prefs current and
// the document title in step with the language.
type page struct {
	localized
	titleID string
}

// mountPage is called from a page's OnMount (in the browser) and
// OnPreRender (on the server).
func (p *page) mountPage(ctx app.Context, titleID string) {
	p.titleID = titleID
	p.observePrefs(ctx)
	ctx.ObserveState(statePrefs, &p.prefs).OnChange(func() { p.setTitle(ctx) })
	p.setTitle(ctx)
}

func (p *page) setTitle(ctx app.Context) {
	ctx.Page().SetTitle(p.T(p.titleID) + " · " + p.T("app.name"))
}
