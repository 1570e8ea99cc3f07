package app

import (
	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guideLabels are the UI strings the guide's parts show, translated once
// by the page.
type guideLabels struct {
	Bookmark string // the bookmark toggle's accessible name
	Do, Dont string // read before a do / don't item by screen readers
	Call     string // before a phone number
	Hours    string
	Langs    string
	NoRegion string // no regional pack installed
	Packs    string // the link to the packs screen
	Roles    map[string]string
	UILang   string // names the contacts' languages
}

// guideSection is one section of a guide module: its title and its items,
// consecutive items of one type shown together (numbered steps, a
// checklist, indicators, do's, don'ts, notes, contact lines).
type guideSection struct {
	app.Compo

	ISection phrases.Section
	ITicked  []string // the ticked check items
	IMarked  []string // the bookmarked items
	ILabels  guideLabels
	ITarget  string                           // the item the address points to (#id)
	IOnTick  func(ctx app.Context, id string) // nil: no checkboxes
	IOnMark  func(ctx app.Context, id string) // nil: no bookmark buttons
}

func newGuideSection(s phrases.Section) *guideSection { return &guideSection{ISection: s} }

// State sets the ticked and bookmarked item IDs.
func (s *guideSection) State(ticked, marked []string) *guideSection {
	s.ITicked, s.IMarked = ticked, marked
	return s
}

func (s *guideSection) Labels(l guideLabels) *guideSection { s.ILabels = l; return s }

// Target marks the item a bookmark led to. (CSS :target does not follow
// go-app's in-app navigation, which changes the address by history API.)
func (s *guideSection) Target(id string) *guideSection { s.ITarget = id; return s }

func (s *guideSection) itemClass(id string) string {
	if id == s.ITarget {
		return "item target"
	}
	return "item"
}

// OnTick and OnMark are called with an item's ID when it is ticked or
// unticked, bookmarked or not.
func (s *guideSection) OnTick(f func(app.Context, string)) *guideSection { s.IOnTick = f; return s }
func (s *guideSection) OnMark(f func(app.Context, string)) *guideSection { s.IOnMark = f; return s }

func (s *guideSection) Render() app.UI {
	runs := itemRuns(s.ISection.Items)
	return app.Section().Class("guide-section").ID("s-"+s.ISection.ID).Body(
		app.H2().Text(s.ISection.Title),
		app.Range(runs).Slice(func(i int) app.UI { return s.run(runs[i]) }),
	)
}

// itemRuns cuts items into runs of one type, in order.
func itemRuns(items []phrases.Item) [][]phrases.Item {
	var runs [][]phrases.Item
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && items[j].Type == items[i].Type {
			j++
		}
		runs = append(runs, items[i:j])
		i = j
	}
	return runs
}

// run shows items of one type.
func (s *guideSection) run(items []phrases.Item) app.UI {
	li := func(f func(it phrases.Item) app.UI) app.UI {
		return app.Range(items).Slice(func(i int) app.UI { return f(items[i]) })
	}
	switch items[0].Type {
	case phrases.ItemStep:
		return app.Ol().Class("steps").Body(li(s.plain))
	case phrases.ItemCheck:
		return app.Ul().Class("checklist").Body(li(s.check))
	case phrases.ItemIndicator:
		return app.Ul().Class("indicators").Body(li(s.plain))
	case phrases.ItemDo:
		return app.Ul().Class("dos").Body(li(func(it phrases.Item) app.UI { return s.marked(it, s.ILabels.Do, iconDo) }))
	case phrases.ItemDont:
		return app.Ul().Class("donts").Body(li(func(it phrases.Item) app.UI { return s.marked(it, s.ILabels.Dont, iconDont) }))
	case phrases.ItemContact:
		return app.Ul().Class("contact-lines").Body(li(s.plain))
	default:
		return app.Div().Class("notes").Body(app.Range(items).Slice(func(i int) app.UI {
			it := items[i]
			return app.Div().Class("note "+s.itemClass(it.ID)).ID(it.ID).Body(app.P().ID("txt-"+it.ID).Text(it.Text), s.bookmark(it.ID))
		}))
	}
}

func (s *guideSection) plain(it phrases.Item) app.UI {
	return app.Li().Class(s.itemClass(it.ID)).ID(it.ID).Body(app.Span().Class("text").ID("txt-"+it.ID).Text(it.Text), s.bookmark(it.ID))
}

// marked is a do or a don't: a symbol, and a word for screen readers.
func (s *guideSection) marked(it phrases.Item, word, path string) app.UI {
	return app.Li().Class(s.itemClass(it.ID)).ID(it.ID).Body(
		icon(path),
		app.Span().Class("text").ID("txt-"+it.ID).Body(app.Span().Class("sr-only").Text(word+": "), app.Text(it.Text)),
		s.bookmark(it.ID),
	)
}

// check is a checklist item: a native checkbox, its label the whole row.
func (s *guideSection) check(it phrases.Item) app.UI {
	if s.IOnTick == nil {
		return s.plain(it)
	}
	id := it.ID
	return app.Li().Class(s.itemClass(id)).ID(id).Body(
		app.Label().Class("tick").Body(
			app.Input().Type("checkbox").ID("tick-"+id).Checked(idSet(s.ITicked).has(id)).
				OnChange(func(ctx app.Context, e app.Event) { s.IOnTick(ctx, id) }),
			app.Span().Class("text").ID("txt-"+id).Text(it.Text),
		),
		s.bookmark(id),
	)
}

// bookmark is the toggle that keeps an item on the home screen.
func (s *guideSection) bookmark(id string) app.UI {
	if s.IOnMark == nil {
		return nil
	}
	on := idSet(s.IMarked).has(id)
	state := "false"
	if on {
		state = "true"
	}
	return app.Button().Class("bookmark").ID("mark-"+id).Aria("pressed", state).
		Aria("label", s.ILabels.Bookmark).Aria("describedby", "txt-"+id).
		OnClick(func(ctx app.Context, e app.Event) { s.IOnMark(ctx, id) }).
		Body(icon(iconBookmark))
}

// Icon paths (24x24).
const (
	iconDo       = "M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"
	iconDont     = "M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z"
	iconBookmark = "M6 3h12v18l-6-4-6 4z"
	iconPhone    = "M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.3 11.4 11.4 0 0 0 3.6.6 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.3.2 2.5.6 3.6a1 1 0 0 1-.3 1z"
)
