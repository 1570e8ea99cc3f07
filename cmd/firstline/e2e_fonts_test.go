//go:build !wasm

package main

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"
	"github.com/firstline/firstline/phrases"
	"github.com/firstline/firstline/phrases/source"
)

// tofuJS draws every character of each language with the app's own font
// stack (system fonts only) and lists those drawn as the missing-glyph
// box: pixel for pixel the drawing of an unassigned code point.
const tofuJS = `((chars) => {
  const c = document.createElement("canvas");
  c.width = 96; c.height = 96;
  const g = c.getContext("2d", { willReadFrequently: true });
  const font = "48px " + getComputedStyle(document.body).fontFamily;
  const draw = (s) => {
    g.clearRect(0, 0, 96, 96);
    g.font = font;
    g.fillStyle = "#000";
    g.fillText(s, 16, 64);
    const d = g.getImageData(0, 0, 96, 96).data;
    let a = 0, b = 0;
    for (let i = 3; i < d.length; i += 4) { a = (a + d[i]) % 1000003; b = (b + a) % 1000003; }
    return a + ":" + b;
  };
  const tofu = new Set([draw("\u0378"), draw("\u05FF"), draw("\u{10FFFD}")]);
  const out = {};
  for (const [lang, list] of Object.entries(chars)) {
    const bad = [...list].filter((ch) => tofu.has(draw(ch)));
    if (bad.length) out[lang] = bad.join(" ");
  }
  return JSON.stringify(out);
})`

// TestPhraseFonts checks that every language of the default phrase set
// renders in Chromium with Debian's Noto fonts (fonts-noto-core, and
// fonts-noto-cjk for Chinese) without a single missing-glyph box.
func TestPhraseFonts(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, nil)
	s, err := source.Load("../../phrases/content")
	if err != nil {
		t.Fatal(err)
	}
	packs, err := source.Packs(s)
	if err != nil {
		t.Fatal(err)
	}
	chars := map[string]string{}
	for _, c := range packs {
		if c.Kind != phrases.KindPhrases {
			continue
		}
		p, err := phrases.DecodePhrasePack(c.Files[0].Data)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[rune]bool{}
		for _, ph := range p.Phrases {
			texts := []string{ph.Text}
			if v := ph.Variants; v != nil {
				texts = append(texts, v.Female, v.Male, v.Child)
			}
			for _, r := range strings.Join(texts, "") {
				if !unicode.In(r, unicode.Z, unicode.Mn, unicode.Me, unicode.Cf, unicode.Cc) {
					seen[r] = true
				}
			}
		}
		var rs []rune
		for r := range seen {
			rs = append(rs, r)
		}
		sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
		chars[p.Lang] = string(rs)
	}
	if len(chars) < 30 {
		t.Fatalf("only %d phrase languages in the default content", len(chars))
	}
	// The check must see a box where there is one (an unassigned code
	// point) and not where a font has the glyph (Linear A: Noto has it).
	chars["probe"] = "\u0379\U00010600"
	arg, _ := json.Marshal(chars)
	do(t, ctx, "load", chromedp.Navigate(a.URL+"/"), waitUsable())
	var bad map[string]string
	if err := json.Unmarshal([]byte(eval[string](t, ctx, tofuJS+"("+string(arg)+")")), &bad); err != nil {
		t.Fatal(err)
	}
	if got, want := bad["probe"], "\u0379"; got != want {
		t.Fatalf("the check does not see missing glyphs: probe gave %q, want %q", got, want)
	}
	delete(bad, "probe")
	delete(chars, "probe")
	for lang, list := range bad {
		hint := "install fonts-noto-core"
		if strings.HasPrefix(lang, "zh") || lang == "ja" || lang == "ko" {
			hint = "install fonts-noto-cjk"
		}
		t.Errorf("%s: no glyph for %s (%s)", lang, list, hint)
	}
	t.Logf("%d languages checked", len(chars))
}
