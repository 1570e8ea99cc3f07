package app

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The conversation log: each question shown and the answer tapped, with
// times. It lives only in this device's local storage: it is never
// synced or sent, it is cleared with one tap (after a confirmation), and
// entries older than logKeep delete themselves.
const (
	storeLog = "firstline.log"
	logKeep  = 12 * time.Hour
)

// logEntry is one question asked of a person.
type logEntry struct {
	Asked    time.Time `json:"asked"`
	Answered time.Time `json:"answered,omitzero"`
	Set      string    `json:"set"`
	Lang     string    `json:"lang"`   // the person's language
	Phrase   string    `json:"phrase"` // phrase ID
	Answer   string    `json:"answer,omitempty"`
}

// loadLog reads the log, deleting (also from storage) what is older than
// logKeep.
func loadLog(b platform, now time.Time) []logEntry {
	var all, kept []logEntry
	if s := b.Get(storeLog); s != "" && json.Unmarshal([]byte(s), &all) != nil {
		all = nil
	}
	for _, e := range all {
		if now.Sub(e.Asked) < logKeep {
			kept = append(kept, e)
		}
	}
	if len(kept) != len(all) {
		saveLog(b, kept)
	}
	return kept
}

func saveLog(b platform, entries []logEntry) {
	if len(entries) == 0 {
		b.Set(storeLog, "")
		return
	}
	data, _ := json.Marshal(entries)
	b.Set(storeLog, string(data))
}

// logAsked records that a phrase was shown, unless it is still the last
// unanswered question (a reload, or going back to it).
func logAsked(b platform, now time.Time, set, lang, phrase string) {
	entries := loadLog(b, now)
	if n := len(entries); n > 0 {
		if l := entries[n-1]; l.Set == set && l.Lang == lang && l.Phrase == phrase && l.Answer == "" {
			return
		}
	}
	saveLog(b, append(entries, logEntry{Asked: now, Set: set, Lang: lang, Phrase: phrase}))
}

// logAnswer records the answer to a phrase: on its last asking when that
// has no answer yet, else as a new answer to the same asking (the person
// changed their answer; both stay in the log).
func logAnswer(b platform, now time.Time, set, lang, phrase, answer string) {
	entries := loadLog(b, now)
	asked := now
	for i := len(entries) - 1; i >= 0; i-- {
		if e := &entries[i]; e.Set == set && e.Lang == lang && e.Phrase == phrase {
			if e.Answer == "" {
				e.Answer, e.Answered = answer, now
				saveLog(b, entries)
				return
			}
			asked = e.Asked
			break
		}
	}
	saveLog(b, append(entries, logEntry{Asked: asked, Answered: now, Set: set, Lang: lang, Phrase: phrase, Answer: answer}))
}

// conversationLog shows the log in the officer's language, with copy as
// plain text and clear.
type conversationLog struct {
	app.Compo
	localized

	entries    []logEntry
	confirming bool
	status     string
}

func newConversationLog() *conversationLog { return &conversationLog{} }

func (c *conversationLog) OnMount(ctx app.Context) {
	c.observePrefs(ctx)
	c.reload(ctx)
}

// reload reads the log, and comes back when its oldest entry expires.
func (c *conversationLog) reload(ctx app.Context) {
	now := time.Now()
	c.entries = loadLog(browser, now)
	if len(c.entries) > 0 {
		ctx.After(c.entries[0].Asked.Add(logKeep).Sub(now)+time.Second, func(ctx app.Context) {
			if c.Mounted() {
				c.reload(ctx)
			}
		})
	}
}

func (c *conversationLog) Render() app.UI {
	return app.Section().Class("card log").ID("conversation-log").Aria("labelledby", "log-heading").Body(
		app.H2().ID("log-heading").Text(c.T("log.title")),
		app.P().Class("hint").Text(c.T("log.note")),
		app.If(len(c.entries) == 0, func() app.UI {
			return app.P().Class("empty").ID("log-empty").Text(c.T("log.empty"))
		}).Else(func() app.UI {
			return app.Ol().Class("log-entries").Body(app.Range(c.entries).Slice(func(i int) app.UI {
				e := c.entries[i]
				q, a := c.texts(e)
				return app.Li().Class("log-entry").Body(
					app.Span().Class("log-time").Title(e.Asked.Local().Format("2006-01-02 15:04")).Text(e.Asked.Local().Format("15:04")),
					app.Span().Class("log-question").Text(q),
					app.Span().Class("log-answer").Text(a),
				)
			}))
		}),
		app.Div().Class("log-actions").Body(
			app.Button().Class("btn").ID("log-copy").Disabled(len(c.entries) == 0).Text(c.T("log.copy")).OnClick(c.copy),
			app.Button().Class("btn").ID("log-clear").Disabled(len(c.entries) == 0).Text(c.T("log.clear")).
				OnClick(func(ctx app.Context, e app.Event) { c.confirming, c.status = true, "" }),
		),
		app.If(c.confirming, func() app.UI {
			return app.Div().Class("confirm").Role("alertdialog").Aria("labelledby", "log-confirm-text").Body(
				app.P().ID("log-confirm-text").Text(c.T("log.clear.confirm")),
				app.Button().Class("btn danger").ID("log-clear-yes").Text(c.T("log.clear.yes")).
					OnClick(func(ctx app.Context, e app.Event) {
						saveLog(browser, nil)
						c.entries, c.confirming = nil, false
					}),
				app.Button().Class("btn").ID("log-clear-no").Text(c.T("log.clear.no")).
					OnClick(func(ctx app.Context, e app.Event) { c.confirming = false }),
			)
		}),
		app.P().Class("status").ID("log-status").Aria("live", "polite").Text(c.status),
	)
}

// texts are an entry's question and answer in the officer's language.
func (c *conversationLog) texts(e logEntry) (question, answer string) {
	question = officerText(e.Set, c.lang(), e.Phrase)
	answer = "—"
	if e.Answer != "" {
		answer = officerText(e.Set, c.lang(), e.Answer)
	}
	return question, answer
}

func (c *conversationLog) copy(ctx app.Context, e app.Event) {
	text := c.plainText()
	browser.CopyText(text, func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			c.status = c.T("log.copyfailed")
			if ok {
				c.status = c.T("log.copied")
			}
		})
	})
}

// plainText is the log for a report: one line per question, in the
// officer's language, with the person's language named.
func (c *conversationLog) plainText() string {
	var b strings.Builder
	b.WriteString(c.T("log.title") + "\n")
	lang := ""
	for _, e := range c.entries {
		if e.Lang != lang {
			lang = e.Lang
			b.WriteString("\n" + c.T("phrases.lang.label") + ": " + langName(lang, c.lang()) + "\n")
		}
		q, a := c.texts(e)
		b.WriteString(e.Asked.Local().Format("2006-01-02 15:04") + "  " + q + "  → " + a)
		if !e.Answered.IsZero() {
			b.WriteString(" (" + e.Answered.Local().Format("15:04") + ")")
		}
		b.WriteString("\n")
	}
	return b.String()
}
