package pack

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

// Keys is the set of trusted public keys. The app compiles it in; the CLI
// reads it from a .pub file. The zero Keys trusts nothing.
type Keys struct {
	list  []note.Verifier
	vkeys []string
}

// ParseKeys parses verifier keys ("name+hash+base64", as written by
// note.GenerateKey and `firstline keygen`), one a line. Blank lines and
// lines starting with # are ignored. It fails on any malformed line
// rather than silently trusting fewer keys than meant.
func ParseKeys(lines string) (Keys, error) {
	var k Keys
	for i, line := range strings.Split(lines, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "PRIVATE+KEY") {
			return Keys{}, fmt.Errorf("keys line %d: a private key, not a public one", i+1)
		}
		v, err := note.NewVerifier(line)
		if err != nil {
			return Keys{}, fmt.Errorf("keys line %d: %v", i+1, err)
		}
		k.list = append(k.list, v)
		k.vkeys = append(k.vkeys, line)
	}
	if len(k.list) == 0 {
		return Keys{}, errors.New("keys: no key")
	}
	return k, nil
}

// Len reports the number of trusted keys.
func (k Keys) Len() int { return len(k.list) }

// String returns the keys in the form ParseKeys reads.
func (k Keys) String() string {
	var b strings.Builder
	for _, v := range k.vkeys {
		b.WriteString(v)
		b.WriteByte('\n')
	}
	return b.String()
}

func (k Keys) verifiers() note.Verifiers { return note.VerifierList(k.list...) }

// Add returns k plus the keys of other (for verifying during a key rotation).
func (k Keys) Add(other Keys) Keys {
	return Keys{
		list:  append(append([]note.Verifier(nil), k.list...), other.list...),
		vkeys: append(append([]string(nil), k.vkeys...), other.vkeys...),
	}
}

// ParseSignerKey parses a private signer key ("PRIVATE+KEY+name+hash+
// base64") and returns the signer and its public verifier key, so a
// build can verify the repository it continues with the key it signs with.
func ParseSignerKey(skey string) (note.Signer, string, error) {
	skey = strings.TrimSpace(skey)
	s, err := note.NewSigner(skey)
	if err != nil {
		return nil, "", errors.New("malformed signer key")
	}
	// PRIVATE+KEY+name+hash+data; data is the algorithm byte then the seed.
	// The name has no '+' but the base64 data may.
	parts := strings.SplitN(skey, "+", 5)
	if len(parts) != 5 {
		return nil, "", errors.New("malformed signer key")
	}
	raw, err := base64.StdEncoding.DecodeString(parts[4])
	if err != nil || len(raw) != 1+ed25519.SeedSize || raw[0] != 1 {
		return nil, "", errors.New("malformed signer key")
	}
	pub := ed25519.NewKeyFromSeed(raw[1:]).Public().(ed25519.PublicKey)
	vkey, err := note.NewEd25519VerifierKey(s.Name(), pub)
	if err != nil {
		return nil, "", err
	}
	return s, vkey, nil
}
