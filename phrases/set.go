package phrases

import (
	"fmt"
	"strings"
)

// PhrasePack is one phrase set in one language: the questions and
// messages an officer shows or plays to a person, and the answers the
// person can tap.
type PhrasePack struct {
	Kind       string     `json:"kind"` // KindPhrases
	Set        string     `json:"set"`
	Lang       string     `json:"lang"`
	Dir        string     `json:"dir"`
	Title      string     `json:"title"`
	Categories []Category `json:"categories"`
	Phrases    []Phrase   `json:"phrases"`
}

// Category groups phrases; categories are listed in display order.
type Category struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// PhraseKind says how a phrase is used.
type PhraseKind string

const (
	KindMessage PhraseKind = "message" // a statement: "You are safe now."
	KindYesNo   PhraseKind = "yesno"   // answered with the yes/no/don't-know answers
	KindChoice  PhraseKind = "choice"  // answered with one of Options
	KindAnswer  PhraseKind = "answer"  // an answer the person taps
)

// PhraseKinds lists every phrase kind.
var PhraseKinds = []PhraseKind{KindMessage, KindYesNo, KindChoice, KindAnswer}

// Valid reports whether k is a known phrase kind.
func (k PhraseKind) Valid() bool {
	for _, x := range PhraseKinds {
		if k == x {
			return true
		}
	}
	return false
}

// Phrase is one text shown to a person, in the pack's language.
type Phrase struct {
	ID       string     `json:"id"`
	Category string     `json:"category"`
	Kind     PhraseKind `json:"kind"`
	Options  []string   `json:"options,omitempty"` // choice: IDs of answer phrases
	Text     string     `json:"text"`
	Variants *Variants  `json:"variants,omitempty"`
	Translit string     `json:"translit,omitempty"` // Latin transliteration for the officer
	Review   Review     `json:"review"`
	Audio    string     `json:"audio,omitempty"` // pack file name, e.g. "audio/opening.opus"
}

// Variants are wordings for a particular addressee, where the language
// needs them. An empty field means: use Text.
type Variants struct {
	Female string `json:"female,omitempty"`
	Male   string `json:"male,omitempty"`
	Child  string `json:"child,omitempty"`
}

// DecodePhrasePack decodes and validates a phrase pack.json.
func DecodePhrasePack(b []byte) (*PhrasePack, error) {
	var p PhrasePack
	if err := decode(b, KindPhrases, &p); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("phrase pack %q %q: %w", p.Set, p.Lang, err)
	}
	return &p, nil
}

// Validate checks the pack against the format's rules and limits: known
// kinds, unique IDs, categories that exist, choice options that are
// answers of this pack.
func (p *PhrasePack) Validate() error {
	if p.Kind != KindPhrases {
		return fmt.Errorf("kind %q, want %q", p.Kind, KindPhrases)
	}
	if err := firstErr(checkID("set", p.Set), checkLang(p.Lang), checkDir(p.Dir),
		checkText("title", p.Title, MaxTitleText, false)); err != nil {
		return err
	}
	if len(p.Categories) > MaxCategories {
		return fmt.Errorf("%d categories, limit %d", len(p.Categories), MaxCategories)
	}
	if len(p.Phrases) == 0 || len(p.Phrases) > MaxPhrases {
		return fmt.Errorf("%d phrases, want 1-%d", len(p.Phrases), MaxPhrases)
	}
	cats := map[string]bool{}
	for i, c := range p.Categories {
		if err := firstErr(checkID("category", c.ID), unique(cats, c.ID),
			checkText("title", c.Title, MaxTitleText, false)); err != nil {
			return fmt.Errorf("category %d (%q): %w", i, c.ID, err)
		}
	}
	kinds := map[string]PhraseKind{}
	for i, ph := range p.Phrases {
		if _, dup := kinds[ph.ID]; dup {
			return fmt.Errorf("phrase %d: duplicate id %q", i, ph.ID)
		}
		if err := ph.validate(cats); err != nil {
			return fmt.Errorf("phrase %d (%q): %w", i, ph.ID, err)
		}
		kinds[ph.ID] = ph.Kind
	}
	for _, ph := range p.Phrases {
		for _, o := range ph.Options {
			if k, ok := kinds[o]; !ok || k != KindAnswer {
				return fmt.Errorf("phrase %q: option %q is not an answer of this pack", ph.ID, o)
			}
		}
	}
	return nil
}

func (ph *Phrase) validate(cats map[string]bool) error {
	if err := firstErr(checkID("phrase", ph.ID), checkText("text", ph.Text, MaxPhraseText, false),
		checkText("translit", ph.Translit, MaxPhraseText, true)); err != nil {
		return err
	}
	if !cats[ph.Category] {
		return fmt.Errorf("category %q is not in the pack", ph.Category)
	}
	if !ph.Kind.Valid() {
		return fmt.Errorf("kind %q is not one of %v", ph.Kind, PhraseKinds)
	}
	if (ph.Kind == KindChoice) != (len(ph.Options) > 0) {
		return fmt.Errorf("kind %q with %d options: only a choice has options, and it needs them", ph.Kind, len(ph.Options))
	}
	if len(ph.Options) > MaxOptions {
		return fmt.Errorf("%d options, limit %d", len(ph.Options), MaxOptions)
	}
	seen := map[string]bool{}
	for _, o := range ph.Options {
		if err := unique(seen, o); err != nil {
			return fmt.Errorf("option: %w", err)
		}
	}
	if v := ph.Variants; v != nil {
		if v.Female == "" && v.Male == "" && v.Child == "" {
			return fmt.Errorf("variants present but empty")
		}
		if err := firstErr(checkText("female variant", v.Female, MaxPhraseText, true),
			checkText("male variant", v.Male, MaxPhraseText, true),
			checkText("child variant", v.Child, MaxPhraseText, true)); err != nil {
			return err
		}
	}
	if err := ph.Review.validate(); err != nil {
		return err
	}
	if ph.Audio != "" {
		name, ok := strings.CutPrefix(ph.Audio, "audio/")
		base, ext, _ := strings.Cut(name, ".")
		if !ok || base != ph.ID || (ext != "opus" && ext != "mp3" && ext != "wav") {
			return fmt.Errorf("audio %q: want audio/%s.{opus,mp3,wav}", ph.Audio, ph.ID)
		}
	}
	return nil
}
