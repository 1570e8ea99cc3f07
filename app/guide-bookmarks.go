package app

import (
	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guideBookmarks lists the bookmarked guide items on the home screen, most
// recent first, each a link to its place in its module.
type guideBookmarks struct {
	app.Compo

	IGuide *phrases.Guide
	IMarks []string
	ITitle string
}

func newGuideBookmarks(g *phrases.Guide, marks []string) *guideBookmarks {
	return &guideBookmarks{IGuide: g, IMarks: marks}
}

// Title sets the list's heading.
func (b *guideBookmarks) Title(t string) *guideBookmarks { b.ITitle = t; return b }

type bookmark struct {
	module *phrases.Module
	item   *phrases.Item
}

// found resolves the bookmarks in the guide; an item the installed guide
// no longer has is left out.
func (b *guideBookmarks) found() []bookmark {
	var out []bookmark
	for _, id := range b.IMarks {
		if m, it := guideItem(b.IGuide, id); it != nil {
			out = append(out, bookmark{m, it})
		}
	}
	return out
}

func (b *guideBookmarks) Render() app.UI {
	marks := b.found()
	if len(marks) == 0 {
		return app.Div().Class("hidden")
	}
	return app.Section().Class("bookmarks").Aria("labelledby", "bookmarks-heading").Body(
		app.H2().ID("bookmarks-heading").Text(b.ITitle),
		app.Ul().Class("link-list").Lang(b.IGuide.Lang).Dir(b.IGuide.Dir).Body(app.Range(marks).Slice(func(i int) app.UI {
			bm := marks[i]
			return app.Li().Body(app.A().Class("link-row").ID("bm-"+bm.item.ID).Href(moduleRoute(bm.module.ID, bm.item.ID)).Body(
				app.Span().Class("row-title clamp").Text(bm.item.Text),
				app.Span().Class("row-sub").Text(bm.module.Title),
			))
		})),
	)
}
