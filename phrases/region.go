package phrases

import "fmt"

// RegionPack is a regional contact sheet: local hotlines, shelters and
// referral contacts, with short notes on local procedure.
type RegionPack struct {
	Kind     string    `json:"kind"` // KindRegion
	ID       string    `json:"id"`
	Lang     string    `json:"lang"`
	Title    string    `json:"title"`
	Contacts []Contact `json:"contacts"`
	Notes    []Note    `json:"notes,omitempty"`
}

// Contact is one organisation or service to call.
type Contact struct {
	Name      string   `json:"name"`
	Role      string   `json:"role"` // one of ContactRoles
	Phone     string   `json:"phone"`
	Hours     string   `json:"hours,omitempty"`
	Languages []string `json:"languages,omitempty"`
	Notes     string   `json:"notes,omitempty"`
}

// Note is a titled paragraph of regional guidance.
type Note struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// ContactRoles lists the roles a contact may have.
var ContactRoles = []string{"hotline", "shelter", "child-protection", "labour-inspection", "police", "health", "legal", "other"}

// ValidRole reports whether role is one of ContactRoles.
func ValidRole(role string) bool {
	for _, r := range ContactRoles {
		if r == role {
			return true
		}
	}
	return false
}

// DecodeRegion decodes and validates a region pack.json.
func DecodeRegion(b []byte) (*RegionPack, error) {
	var r RegionPack
	if err := decode(b, KindRegion, &r); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, fmt.Errorf("region pack %q: %w", r.ID, err)
	}
	return &r, nil
}

// Validate checks the region pack against the format's rules and limits.
func (r *RegionPack) Validate() error {
	if r.Kind != KindRegion {
		return fmt.Errorf("kind %q, want %q", r.Kind, KindRegion)
	}
	if err := firstErr(checkID("region", r.ID), checkLang(r.Lang),
		checkText("title", r.Title, MaxTitleText, false)); err != nil {
		return err
	}
	if len(r.Contacts) == 0 || len(r.Contacts) > MaxContacts {
		return fmt.Errorf("%d contacts, want 1-%d", len(r.Contacts), MaxContacts)
	}
	for i, c := range r.Contacts {
		if err := c.validate(); err != nil {
			return fmt.Errorf("contact %d (%q): %w", i, c.Name, err)
		}
	}
	if len(r.Notes) > MaxNotes {
		return fmt.Errorf("%d notes, limit %d", len(r.Notes), MaxNotes)
	}
	for i, n := range r.Notes {
		if err := firstErr(checkText("title", n.Title, MaxTitleText, false),
			checkText("text", n.Text, MaxNoteText, false)); err != nil {
			return fmt.Errorf("note %d: %w", i, err)
		}
	}
	return nil
}

func (c *Contact) validate() error {
	if err := firstErr(checkText("name", c.Name, MaxTitleText, false),
		checkText("phone", c.Phone, 40, false),
		checkText("hours", c.Hours, MaxTitleText, true),
		checkText("notes", c.Notes, MaxNoteText, true)); err != nil {
		return err
	}
	if !ValidRole(c.Role) {
		return fmt.Errorf("role %q is not one of %v", c.Role, ContactRoles)
	}
	if len(c.Languages) > MaxLangsPerEntry {
		return fmt.Errorf("%d languages, limit %d", len(c.Languages), MaxLangsPerEntry)
	}
	for _, l := range c.Languages {
		if err := checkLang(l); err != nil {
			return err
		}
	}
	return nil
}
