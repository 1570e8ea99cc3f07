package app

import (
	"strings"

	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guideContacts lists the contacts of the installed regional packs, each
// with a tap-to-call link; without a regional pack it says where to get
// one.
type guideContacts struct {
	app.Compo

	IRegions []*phrases.RegionPack
	ILabels  guideLabels
}

func newGuideContacts(regions []*phrases.RegionPack) *guideContacts {
	return &guideContacts{IRegions: regions}
}

func (c *guideContacts) Labels(l guideLabels) *guideContacts { c.ILabels = l; return c }

func (c *guideContacts) Render() app.UI {
	if len(c.IRegions) == 0 {
		return app.P().Class("empty contacts-none").Body(
			app.Text(c.ILabels.NoRegion+" "),
			app.A().Href(RoutePacks).Text(c.ILabels.Packs),
		)
	}
	return app.Div().Class("contacts").Body(app.Range(c.IRegions).Slice(func(i int) app.UI {
		r := c.IRegions[i]
		return app.Div().Class("region").Lang(r.Lang).Body(
			// A heading without app.H3: one element type less in the wasm.
			app.Div().Class("region-title").Role("heading").Aria("level", "3").Text(r.Title),
			app.Ul().Class("contact-list").Body(app.Range(r.Contacts).Slice(func(j int) app.UI {
				return c.contact(r.Contacts[j])
			})),
		)
	}))
}

func (c *guideContacts) contact(ct phrases.Contact) app.UI {
	role := c.ILabels.Roles[ct.Role]
	return app.Li().Class("contact").Body(
		app.P().Class("contact-name").Body(app.Strong().Text(ct.Name), app.Span().Class("role").Text(role)),
		app.A().Class("btn call").Href(telURL(ct.Phone)).Target("_blank").Rel("noopener").Dir("ltr").Body(
			icon(iconPhone),
			app.Span().Class("sr-only").Text(c.ILabels.Call+": "+ct.Name+", "),
			app.Span().Text(ct.Phone),
		),
		app.If(ct.Hours != "", func() app.UI {
			return app.P().Body(app.Span().Class("label").Text(c.ILabels.Hours+": "), app.Text(ct.Hours))
		}),
		app.If(len(ct.Languages) > 0, func() app.UI {
			names := make([]string, len(ct.Languages))
			for i, l := range ct.Languages {
				names[i] = langName(l, c.ILabels.UILang)
			}
			return app.P().Body(app.Span().Class("label").Text(c.ILabels.Langs+": "), app.Text(strings.Join(names, ", ")))
		}),
		app.If(ct.Notes != "", func() app.UI { return app.P().Class("contact-notes").Text(ct.Notes) }),
	)
}

// telURL makes a tel: link of a phone number as people write it: only
// the digits and a leading + are kept (RFC 3966 global numbers).
//
// The link opens in a new browsing context because go-app catches every
// other link click and would treat tel: as a page of another site.
func telURL(phone string) string {
	var b strings.Builder
	b.WriteString("tel:")
	for i, r := range strings.TrimSpace(phone) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
