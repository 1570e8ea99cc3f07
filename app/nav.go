package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// bottomNav is the app's main navigation: a semantic <nav> of the four
// sections, at the bottom where a thumb reaches it. In right-to-left
// languages the row mirrors with the document direction.
type bottomNav struct {
	app.Compo

	ICurrent string
	ILabel   string
	ILabels  []string
}

func newBottomNav() *bottomNav { return &bottomNav{} }

func (n *bottomNav) Current(route string) *bottomNav { n.ICurrent = route; return n }

// Labels sets the accessible name of the navigation and the tab labels, in
// the order of sections.
func (n *bottomNav) Labels(name string, tabs []string) *bottomNav {
	n.ILabel, n.ILabels = name, tabs
	return n
}

func (n *bottomNav) Render() app.UI {
	return app.Nav().Class("bottom-nav").Aria("label", n.ILabel).Body(
		app.Range(sections).Slice(func(i int) app.UI {
			sec := sections[i]
			a := app.A().Href(sec.route).Class("tab").ID("tab-"+tabID(sec.route)).Body(
				icon(sec.icon),
				app.Span().Text(label(n.ILabels, i)),
			)
			if sec.route == n.ICurrent {
				a = a.Aria("current", "page")
			}
			return a
		}),
	)
}

func tabID(route string) string {
	if route == RouteHome {
		return "guide"
	}
	return route[1:]
}

func label(labels []string, i int) string {
	if i < len(labels) {
		return labels[i]
	}
	return ""
}

// icon draws a 24x24 SVG path; decorative, so hidden from screen readers.
func icon(path string) app.UI {
	return app.Raw(`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="` + path + `"/></svg>`)
}
