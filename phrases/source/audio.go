package source

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// Audio is one recording of a message.
type Audio struct {
	Path string
	Data []byte
	Ext  string // by content: "opus", "mp3" or "wav"
	Type string // media type by content
}

// SniffAudio tells an audio clip's format by its content, not its name:
// Ogg with an OpusHead, MP3 (ID3 tag or MPEG frame sync), or RIFF WAVE.
func SniffAudio(b []byte) (ext, mediaType string, ok bool) {
	switch {
	case len(b) >= 36 && bytes.HasPrefix(b, []byte("OggS")) && bytes.Contains(b[:min(len(b), 128)], []byte("OpusHead")):
		return "opus", "audio/ogg", true
	case len(b) >= 10 && bytes.HasPrefix(b, []byte("ID3")):
		return "mp3", "audio/mpeg", true
	case len(b) >= 4 && b[0] == 0xFF && b[1]&0xE0 == 0xE0 && b[1]&0x06 != 0 && b[2]&0xF0 != 0xF0 && b[2]&0x0C != 0x0C:
		// frame sync, a layer, a valid bitrate and sample rate index
		return "mp3", "audio/mpeg", true
	case len(b) >= 12 && bytes.HasPrefix(b, []byte("RIFF")) && string(b[8:12]) == "WAVE":
		return "wav", "audio/wav", true
	}
	return "", "", false
}

// loadAudio reads audio/<lang>/<message-id>.<ext> under a set.
func loadAudio(s *Sources, dir string, t *Texts) {
	for _, lang := range subdirs(s, dir) {
		ldir := filepath.Join(dir, lang)
		if _, err := parseLang(lang); err != nil {
			s.errorf(ldir, 0, "audio folder: %v", err)
			continue
		}
		entries, err := os.ReadDir(ldir)
		if err != nil {
			s.errorf(ldir, 0, "%v", err)
			continue
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			path := filepath.Join(ldir, e.Name())
			id := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))
			data, ok := readLimited(s, path, MaxAudioBytes)
			if !ok {
				continue
			}
			ext, typ, ok := SniffAudio(data)
			if !ok {
				s.errorf(path, 0, "not an audio file (want Ogg Opus, MP3 or WAV by content; starts with %q)", head(data))
				continue
			}
			if t.Audio[lang] == nil {
				t.Audio[lang] = map[string]*Audio{}
			}
			if prev := t.Audio[lang][id]; prev != nil {
				s.errorf(path, 0, "second recording of %q (also %s)", id, prev.Path)
				continue
			}
			t.Audio[lang][id] = &Audio{Path: path, Data: data, Ext: ext, Type: typ}
		}
	}
}

func head(b []byte) string {
	if len(b) > 8 {
		b = b[:8]
	}
	return string(b)
}
