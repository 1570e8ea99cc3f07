package source

import (
	"strings"
	"testing"
	"time"

	"github.com/firstline/firstline/phrases"
)

func TestMarkReviewedAndStale(t *testing.T) {
	dir := copySample(t)
	date := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	if err := MarkReviewed(dir, "sample", "ru", "Reviewer Name", date); err != nil {
		t.Fatal(err)
	}
	set := mustLoad(t, dir).Set("sample")
	if got, want := set.Review("ru", "alone__female"), (phrases.Review{State: phrases.Reviewed, By: "Reviewer Name", Date: "2026-11-26"}); got != want {
		t.Errorf("after MarkReviewed: got %+v, want %+v", got, want)
	}
	// A changed source text turns the translation back to draft; others stay reviewed.
	edit(t, dir, setDir+"active.en.toml", "Are you hurt?", "Are you injured?")
	set = mustLoad(t, dir).Set("sample")
	if got := set.Review("ru", "hurt").State; got != phrases.Draft {
		t.Errorf("after the source changed: got %s, want draft", got)
	}
	if got := set.Review("ru", "yes").State; got != phrases.Reviewed {
		t.Errorf("unchanged source: got %s, want reviewed", got)
	}
}

func TestMarkReviewedErrors(t *testing.T) {
	dir := copySample(t)
	day := time.Now()
	tests := []struct {
		set, lang, by, want string
	}{
		{"sample", "de", "X", `set sample has no translation into "de"`},
		{"nope", "fr", "X", `has no set "nope"`},
		{"sample", "fr", "", "no reviewer name"},
		{GuideSet, "ar", "X", `guide has no translation into "ar"`},
	}
	for _, tt := range tests {
		err := MarkReviewed(dir, tt.set, tt.lang, tt.by, day)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("MarkReviewed(%s, %s, %q): got %v, want %q", tt.set, tt.lang, tt.by, err, tt.want)
		}
	}
}

func TestSniffAudio(t *testing.T) {
	ogg := append([]byte("OggS"), make([]byte, 24)...)
	ogg = append(ogg, "OpusHead"...)
	tests := []struct {
		name string
		data []byte
		ext  string
	}{
		{"ogg opus", ogg, "opus"},
		{"ogg vorbis", append(append([]byte("OggS"), make([]byte, 24)...), "\x01vorbis.."...), ""},
		{"mp3 with ID3", []byte("ID3\x04\x00\x00\x00\x00\x00\x00"), "mp3"},
		{"mp3 frame", []byte{0xFF, 0xFB, 0x90, 0x64}, "mp3"},
		{"bad mp3 frame", []byte{0xFF, 0xFB, 0xF0, 0x64}, ""},
		{"wav", []byte("RIFF\x24\x00\x00\x00WAVEfmt "), "wav"},
		{"avi is not audio", []byte("RIFF\x24\x00\x00\x00AVI LIST"), ""},
		{"text named .opus", []byte("hello, world, this is not audio at all"), ""},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		ext, _, ok := SniffAudio(tt.data)
		if ext != tt.ext || ok != (tt.ext != "") {
			t.Errorf("%s: got %q %v, want %q", tt.name, ext, ok, tt.ext)
		}
	}
}
