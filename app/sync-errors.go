package app

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/firstline/firstline/phrases/pack"
)

// isNetwork reports a failure of the connection rather than of the
// content: the server is down, slow, refusing, or the response broke off.
func isNetwork(err error) bool {
	var h *httpError
	var f *pack.FormatError
	var sig *pack.SignatureError
	var hash *pack.HashError
	var size *pack.SizeError
	switch {
	case errors.As(err, &h), errors.Is(err, errTimeout), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	case errors.As(err, &f), errors.As(err, &sig), errors.As(err, &hash), errors.As(err, &size):
		return false
	}
	var seq *pack.SeqError
	var ver *pack.VersionError
	var mis *pack.MismatchError
	var exp *pack.ExpiredError
	var lim *pack.LimitError
	var miss *pack.MissingError
	if errors.As(err, &seq) || errors.As(err, &ver) || errors.As(err, &mis) || errors.As(err, &exp) ||
		errors.As(err, &lim) || errors.As(err, &miss) || errors.Is(err, errQuota) {
		return false
	}
	// Anything else came from fetch itself (connection refused, reset,
	// aborted).
	return true
}

// failure is a failure in plain words for the Packs screen: the message
// ID of what went wrong, with the HTTP status where there is one.
type failure struct {
	ID     string
	Status int
}

// explain maps an error of a sync, an install or an import to the
// message the user reads. The technical text (err.Error()) is shown
// below it for a trainer.
func explain(err error) failure {
	var (
		sig  *pack.SignatureError
		seq  *pack.SeqError
		ver  *pack.VersionError
		hash *pack.HashError
		size *pack.SizeError
		mis  *pack.MismatchError
		exp  *pack.ExpiredError
		h    *httpError
	)
	switch {
	case errors.Is(err, errQuota):
		return failure{ID: "sync.err.storage"}
	case errors.As(err, &sig) && len(sig.Signers) > 0:
		return failure{ID: "sync.err.unknownkey"}
	case errors.As(err, &sig):
		return failure{ID: "sync.err.signature"}
	case errors.As(err, &seq):
		return failure{ID: "sync.err.replay"}
	case errors.As(err, &ver):
		return failure{ID: "sync.err.version"}
	case errors.As(err, &mis):
		return failure{ID: "sync.err.mismatch"}
	case errors.As(err, &hash), errors.As(err, &size):
		return failure{ID: "sync.err.tampered"}
	case errors.As(err, &exp):
		return failure{ID: "sync.err.expired"}
	case errors.As(err, &h):
		return failure{ID: "sync.err.server", Status: h.Status}
	case errors.Is(err, errTimeout), errors.Is(err, context.DeadlineExceeded):
		return failure{ID: "sync.err.timeout"}
	case isNetwork(err):
		return failure{ID: "sync.err.network"}
	}
	return failure{ID: "sync.err.format"}
}

// text returns the failure's message in the language of l.
func (f failure) text(l *localized) string {
	s := l.T(f.ID)
	if f.Status != 0 {
		s = strings.ReplaceAll(s, "{{.Status}}", strconv.Itoa(f.Status))
	}
	return s
}
