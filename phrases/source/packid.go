package source

import "strings"

// packID makes a pack ID from its parts. Pack IDs are lower case ([a-z0-9-],
// see pack.Content.Validate); BCP 47 tags are case-insensitive, so
// "zh-Hans" becomes "zh-hans" without changing its meaning. The pack keeps
// the tag as written in its Langs.
func packID(parts ...string) string {
	return strings.ToLower(strings.Join(parts, "-"))
}
