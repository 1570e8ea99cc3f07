package pack

// Hard limits. Everything read from a repository or bundle is bounded
// before it is parsed or hashed, so a hostile server or file can cost a
// device at most these amounts of memory and work.
const (
	MaxCatalogSize  = 1 << 20   // bytes of the signed catalog note
	MaxManifestSize = 256 << 10 // bytes of a signed manifest note
	MaxPacks        = 2000      // packs in a catalog (retired ones included)
	MaxFiles        = 5000      // files in a manifest
	MaxFileSize     = 64 << 20  // bytes of one file
	MaxPackSize     = 1 << 30   // bytes of all files of a pack
	MaxIDLen        = 64        // bytes of a pack id, [a-z0-9-]
	MaxKindLen      = 32        // bytes of a pack kind, [a-z0-9-]
	MaxTitleLen     = 200       // bytes of a pack title
	MaxLangs        = 64        // language tags of a pack
	MaxLangLen      = 35        // bytes of a language tag
	MaxNameLen      = 256       // bytes of a file's logical name
	MaxTypeLen      = 127       // bytes of a file's media type

	MaxBundleSize    = 1 << 30 // bytes of a .flpack bundle
	MaxBundleRecords = 20000   // records in a bundle
)
