package app

import (
	"slices"
	"strings"
	"time"

	"github.com/firstline/firstline/phrases"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// showURL is the full-screen view of a phrase in a language.
func showURL(lang, id string) string { return RouteShow + lang + "/" + id }

// Audio sources, in order of preference.
const (
	audioRecorded = "recorded" // the pack's recording
	audioVoice    = "voice"    // the device's speech synthesis
	audioNone     = "none"
)

// backArrow points back in the UI's direction (arrows are not mirrored
// by the bidi algorithm).
var backArrow = map[bool]string{false: "←", true: "→"}

// answerSymbols mark the answers the person taps, so that they can be
// told apart without reading.
var answerSymbols = map[string]string{"yes": "✓", "no": "✗", "dont_know": "?", "dont_understand": "⁇", "stop": "✋"}

// answersOf are the answers offered for a phrase of v: yes, no, I don't
// know for a yes/no question, its options for a choice, and I don't
// understand and stop for both. Answers v lacks are left out.
func answersOf(v *phrases.PhrasePack, ph *phrases.Phrase) []*phrases.Phrase {
	var ids []string
	switch ph.Kind {
	case phrases.KindYesNo:
		ids = []string{"yes", "no", "dont_know"}
	case phrases.KindChoice:
		ids = append(ids, ph.Options...)
	default:
		return nil
	}
	ids = append(ids, "dont_understand", "stop")
	var out []*phrases.Phrase
	seen := map[string]bool{}
	for _, id := range ids {
		if a := phraseOf(v, id); a != nil && !seen[id] {
			seen[id] = true
			out = append(out, a)
		}
	}
	return out
}

func phraseOf(v *phrases.PhrasePack, id string) *phrases.Phrase {
	for i := range v.Phrases {
		if v.Phrases[i].ID == id {
			return &v.Phrases[i]
		}
	}
	return nil
}

// showPage shows one phrase full-screen to the person: very large text in
// their script and direction, high contrast, the screen kept on, audio,
// and the answers to tap. The officer sees the answer in their language.
type showPage struct {
	app.Compo
	page

	victim    string // the person's language
	id        string
	addressee string
	answer    string // the answer tapped on this showing
	voice     bool
	release   func()
}

func (s *showPage) OnPreRender(ctx app.Context) {
	s.mountPage(ctx, "title.show")
	s.parse(ctx)
}

func (s *showPage) OnMount(ctx app.Context) {
	s.mountPage(ctx, "title.show")
	ctx.ObserveState(stateLibrary, new(int))
	s.release, _ = browser.KeepAwake()
	// Speech synthesis lists its voices a moment after the page starts.
	ctx.After(700*time.Millisecond, func(ctx app.Context) {
		if s.Mounted() {
			s.voice = browser.HasVoice(s.victim)
		}
	})
}

func (s *showPage) OnNav(ctx app.Context) {
	s.parse(ctx)
	s.answer = ""
	s.addressee = browser.Get(storeAddressee)
	s.voice = browser.HasVoice(s.victim)
	if s.phrase() != nil {
		logAsked(browser, time.Now(), DefaultSet, s.victim, s.id)
	}
}

func (s *showPage) OnDismount() {
	browser.StopAudio()
	if s.release != nil {
		s.release()
	}
}

// parse reads the language and phrase from /show/<lang>/<phrase>.
func (s *showPage) parse(ctx app.Context) {
	rest := strings.TrimPrefix(ctx.Page().URL().Path, RouteShow)
	s.victim, s.id, _ = strings.Cut(rest, "/")
}

func (s *showPage) pack() *phrases.PhrasePack { return currentLibrary().Phrases(DefaultSet, s.victim) }

func (s *showPage) phrase() *phrases.Phrase {
	if v := s.pack(); v != nil {
		return phraseOf(v, s.id)
	}
	return nil
}

// audio says where the phrase's sound comes from, and its URL if recorded.
func (s *showPage) audio(ph *phrases.Phrase) (source, url string) {
	if ph.Audio != "" {
		if u := currentLibrary().AudioURL(DefaultSet, s.victim, ph.Audio); u != "" {
			return audioRecorded, u
		}
	}
	if s.voice {
		return audioVoice, ""
	}
	return audioNone, ""
}

func (s *showPage) Render() app.UI {
	v, ph := s.pack(), s.phrase()
	if ph == nil {
		return newShell().Route(RoutePhrases).Title(s.T("title.show")).Content(
			app.P().Class("empty").Text(s.T("show.missing")),
			app.A().Class("btn").Href(RoutePhrases).Text(s.T("show.back")),
		)
	}
	text := variantText(ph, s.addressee)
	source, url := s.audio(ph)
	return app.Div().Class("show").Body(
		app.Header().Class("show-bar").Body(
			app.A().Class("btn").ID("show-back").Href(RoutePhrases).Text(backArrow[s.prefs.Dir == "rtl"]+" "+s.T("show.back")),
			app.If(ph.Review.State != phrases.Reviewed, func() app.UI {
				return app.Span().Class("badge draft").ID("show-draft").Title(s.T("draft.notice")).Text(s.T("phrases.draft"))
			}),
		),
		app.Main().ID("main").Class("show-main").Body(
			app.H1().Class("show-text").ID("show-text").Lang(v.Lang).Dir(v.Dir).Text(text),
			app.If(ph.Translit != "", func() app.UI {
				return app.P().Class("show-translit").Lang(v.Lang + "-Latn").Text(ph.Translit)
			}),
			app.If(v.Lang != s.lang(), func() app.UI {
				return app.P().Class("show-officer").ID("show-officer").Text(officerText(DefaultSet, s.lang(), ph.ID))
			}),
			newShowAnswers().Answers(v, answersOf(v, ph), s.addressee).Label(s.T("show.answers")).
				OnAnswer(func(ctx app.Context, id string) {
					s.answer = id
					logAnswer(browser, time.Now(), DefaultSet, s.victim, s.id, id)
				}),
			app.If(s.answer != "", func() app.UI {
				return app.P().Class("answer-officer").ID("show-answer").Aria("live", "polite").Body(
					app.Span().Class("label").Text(s.T("show.answer")+" "),
					app.Strong().Text(officerText(DefaultSet, s.lang(), s.answer)),
				)
			}),
		),
		app.Div().Class("show-foot").Body(
			s.audioControl(source, url, text),
			app.If(hasVariants(v), func() app.UI {
				return newAddresseeChoice().Value(s.addressee).OnChange(func(ctx app.Context, a string) {
					s.addressee = a
					browser.Set(storeAddressee, a)
				})
			}),
			s.steps(v, ph),
		),
	)
}

// audioControl plays the phrase, and says which of the three sources it
// uses (recording, device voice, none).
func (s *showPage) audioControl(source, url, text string) app.UI {
	if source == audioNone {
		return app.P().Class("audio none").ID("show-audio").Text(s.T("show.audio.none"))
	}
	label := s.T("show.audio." + source)
	return app.Button().Class("btn audio " + source).ID("show-audio").Text("🔊 " + label).
		OnClick(func(ctx app.Context, e app.Event) {
			if source == audioRecorded {
				browser.PlayAudio(url)
			} else {
				browser.Speak(text, s.victim)
			}
		})
}

// steps go to the previous and next phrases, and to the opening and
// closing messages, one tap away.
func (s *showPage) steps(v *phrases.PhrasePack, ph *phrases.Phrase) app.UI {
	var asked []string // the phrases a person is shown, in order
	for _, p := range v.Phrases {
		if p.Kind != phrases.KindAnswer {
			asked = append(asked, p.ID)
		}
	}
	at := slices.Index(asked, ph.ID)
	link := func(id, htmlID, label string) app.UI {
		if id == "" || id == ph.ID {
			return app.Span().Class("btn disabled").Aria("disabled", "true").Text(label)
		}
		return app.A().Class("btn").ID(htmlID).Href(showURL(v.Lang, id)).Text(label)
	}
	prev, next := "", ""
	if at > 0 {
		prev = asked[at-1]
	}
	if at >= 0 && at+1 < len(asked) {
		next = asked[at+1]
	}
	return app.Nav().Class("show-steps").Aria("label", s.T("show.steps")).Body(
		link(firstOf(v, "opening"), "show-opening", s.T("phrases.opening")),
		link(prev, "show-prev", "‹ "+s.T("show.previous")),
		link(next, "show-next", s.T("show.next")+" ›"),
		link(firstOf(v, "closing"), "show-closing", s.T("phrases.closing")),
	)
}

// hasVariants reports whether any phrase of v has a wording for an
// addressee.
func hasVariants(v *phrases.PhrasePack) bool {
	for _, p := range v.Phrases {
		if p.Variants != nil {
			return true
		}
	}
	return false
}
