package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// statusBadge shows whether the device is online. Offline is not an error:
// the badge says that everything on the device keeps working.
type statusBadge struct {
	app.Compo

	IOnline  bool
	IOn      string
	IOff     string
	IOffHint string
}

func newStatusBadge() *statusBadge { return &statusBadge{} }

func (b *statusBadge) Online(v bool) *statusBadge { b.IOnline = v; return b }

func (b *statusBadge) Label(on, off, offHint string) *statusBadge {
	b.IOn, b.IOff, b.IOffHint = on, off, offHint
	return b
}

func (b *statusBadge) Render() app.UI {
	if b.IOnline {
		return app.Span().ID("net-status").Class("badge online").Aria("live", "polite").Text(b.IOn)
	}
	return app.Span().ID("net-status").Class("badge offline").Aria("live", "polite").Title(b.IOffHint).Text(b.IOff)
}
