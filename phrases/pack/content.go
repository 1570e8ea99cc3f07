package pack

import (
	"fmt"
	"strings"
)

// Content is one pack's payload before it is signed: what the authoring
// side (package source) hands to Build. Files are stored by content hash;
// Name is the logical name the app looks a file up by.
type Content struct {
	ID    string   // e.g. "phrases-first-contact-ti", "guide-fr", "region-sample"
	Kind  string   // "guide" | "phrases" | "region"
	Title string   // human title, in the pack's own language
	Langs []string // BCP 47 tags of the text inside
	Files []File
}

// File is one named file of a pack.
type File struct {
	Name string // logical name, e.g. "pack.json", "audio/opening.opus"
	Type string // media type, e.g. "application/json", "audio/ogg"
	Data []byte
}

// Validate checks c against the limits and shapes every client enforces
// (see the Max constants), so an authoring mistake fails the build and
// not the devices.
func (c Content) Validate() error {
	doc := "pack " + c.ID
	if err := checkMeta(doc, c.ID, c.Kind, c.Title, c.Langs); err != nil {
		return err
	}
	if len(c.Files) > MaxFiles {
		return &LimitError{Doc: doc, What: "files", Limit: MaxFiles, Got: int64(len(c.Files))}
	}
	seen := make(map[string]bool, len(c.Files))
	var total int64
	for _, f := range c.Files {
		if !validName(f.Name) {
			return fmt.Errorf("%s: bad file name %q", doc, f.Name)
		}
		if seen[f.Name] {
			return fmt.Errorf("%s: file %s given twice", doc, f.Name)
		}
		seen[f.Name] = true
		if !validType(f.Type) {
			return fmt.Errorf("%s: file %s: bad media type %q", doc, f.Name, f.Type)
		}
		if len(f.Data) > MaxFileSize {
			return &LimitError{Doc: doc + ": " + f.Name, What: "file size", Limit: MaxFileSize, Got: int64(len(f.Data))}
		}
		total += int64(len(f.Data))
	}
	if total > MaxPackSize {
		return &LimitError{Doc: doc, What: "pack size", Limit: MaxPackSize, Got: total}
	}
	if strings.TrimSpace(c.Title) == "" {
		return fmt.Errorf("%s: empty title", doc)
	}
	return nil
}
