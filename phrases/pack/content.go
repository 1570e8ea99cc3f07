package pack

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
