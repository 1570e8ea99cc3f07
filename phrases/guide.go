package phrases

import "fmt"

// Guide is the field guide for officers in one language: modules of
// sections of short items.
type Guide struct {
	Kind    string   `json:"kind"` // KindGuide
	ID      string   `json:"id"`
	Lang    string   `json:"lang"`
	Dir     string   `json:"dir"`
	Title   string   `json:"title"`
	Modules []Module `json:"modules"`
	Status  Status   `json:"status"`
}

// Module is one topic of the guide, e.g. "first steps".
type Module struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Summary  string    `json:"summary,omitempty"`
	Sections []Section `json:"sections"`
}

// Section groups the items of a module under a title.
type Section struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Items []Item `json:"items"`
}

// Item is one step, check, indicator, do, don't, note or contact line.
type Item struct {
	ID   string   `json:"id"`
	Type ItemType `json:"type"`
	Text string   `json:"text"`
}

// ItemType says how an item is shown.
type ItemType string

const (
	ItemStep      ItemType = "step"
	ItemCheck     ItemType = "check"
	ItemIndicator ItemType = "indicator"
	ItemDo        ItemType = "do"
	ItemDont      ItemType = "dont"
	ItemNote      ItemType = "note"
	ItemContact   ItemType = "contact"
)

// ItemTypes lists every item type, in the order the FORMAT lists them.
var ItemTypes = []ItemType{ItemStep, ItemCheck, ItemIndicator, ItemDo, ItemDont, ItemNote, ItemContact}

// Valid reports whether t is a known item type.
func (t ItemType) Valid() bool {
	for _, k := range ItemTypes {
		if t == k {
			return true
		}
	}
	return false
}

// Status summarises the review state of a whole pack: reviewed when every
// text in it is reviewed, else draft.
type Status struct {
	State    ReviewState `json:"state"`
	Reviewed int         `json:"reviewed"`
	Total    int         `json:"total"`
}

func (s Status) validate() error {
	if s.Total < 0 || s.Reviewed < 0 || s.Reviewed > s.Total {
		return fmt.Errorf("status: %d of %d reviewed", s.Reviewed, s.Total)
	}
	want := Draft
	if s.Reviewed == s.Total {
		want = Reviewed
	}
	if s.State != want {
		return fmt.Errorf("status: state %q with %d of %d reviewed", s.State, s.Reviewed, s.Total)
	}
	return nil
}

// DecodeGuide decodes and validates a guide pack.json.
func DecodeGuide(b []byte) (*Guide, error) {
	var g Guide
	if err := decode(b, KindGuide, &g); err != nil {
		return nil, err
	}
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("guide pack %q: %w", g.ID, err)
	}
	return &g, nil
}

// Validate checks the guide against the format's rules and limits.
func (g *Guide) Validate() error {
	if g.Kind != KindGuide {
		return fmt.Errorf("kind %q, want %q", g.Kind, KindGuide)
	}
	if err := firstErr(checkID("guide", g.ID), checkLang(g.Lang), checkDir(g.Dir),
		checkText("title", g.Title, MaxTitleText, false), g.Status.validate()); err != nil {
		return err
	}
	if len(g.Modules) == 0 || len(g.Modules) > MaxModules {
		return fmt.Errorf("%d modules, want 1-%d", len(g.Modules), MaxModules)
	}
	seen := map[string]bool{}
	for i, m := range g.Modules {
		if err := m.validate(seen); err != nil {
			return fmt.Errorf("module %d (%q): %w", i, m.ID, err)
		}
	}
	return nil
}

func (m *Module) validate(seen map[string]bool) error {
	if err := firstErr(checkID("module", m.ID), unique(seen, m.ID),
		checkText("title", m.Title, MaxTitleText, false),
		checkText("summary", m.Summary, MaxGuideText, true)); err != nil {
		return err
	}
	if len(m.Sections) == 0 || len(m.Sections) > MaxSections {
		return fmt.Errorf("%d sections, want 1-%d", len(m.Sections), MaxSections)
	}
	for i, s := range m.Sections {
		if err := firstErr(checkID("section", s.ID), unique(seen, m.ID+"/"+s.ID),
			checkText("title", s.Title, MaxTitleText, false)); err != nil {
			return fmt.Errorf("section %d (%q): %w", i, s.ID, err)
		}
		if len(s.Items) == 0 || len(s.Items) > MaxItems {
			return fmt.Errorf("section %q: %d items, want 1-%d", s.ID, len(s.Items), MaxItems)
		}
		for j, it := range s.Items {
			err := firstErr(checkID("item", it.ID), unique(seen, it.ID),
				checkText("text", it.Text, MaxGuideText, false))
			if err == nil && !it.Type.Valid() {
				err = fmt.Errorf("type %q is not one of %v", it.Type, ItemTypes)
			}
			if err != nil {
				return fmt.Errorf("section %q: item %d (%q): %w", s.ID, j, it.ID, err)
			}
		}
	}
	return nil
}

func unique(seen map[string]bool, id string) error {
	if seen[id] {
		return fmt.Errorf("duplicate id %q", id)
	}
	seen[id] = true
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
