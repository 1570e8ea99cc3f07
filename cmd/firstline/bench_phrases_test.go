//go:build !wasm

package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// searchTimingJS types each query into the phrase search (one input
// event, as a keystroke gives) and times it until the list on screen has
// changed (search, go-app's update and the DOM); consecutive queries
// differ in what they find, so every one changes the list. Each query
// gives two numbers: that time, and the search's own time in the wasm
// (the page's data-search-us).
const searchTimingJS = `(async (queries, rounds) => {
  const input = document.querySelector("#phrase-search");
  const list = document.querySelector(".phrases");
  const once = (q) => new Promise((resolve) => {
    const start = performance.now();
    const timer = setTimeout(() => { obs.disconnect(); resolve(-1); }, 3000);
    const obs = new MutationObserver(() => { obs.disconnect(); clearTimeout(timer); resolve(performance.now() - start); });
    obs.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
    input.value = q;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const out = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const ms = await once(q);
    await new Promise((res) => setTimeout(res, 30));
    out.push(ms, Number(list.dataset.searchUs) / 1000);
      await new Promise((res) => setTimeout(res, 30));
    }
  }
  return out;
})`

func cpuRate(rate float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
		return err
	})
}

func percentile(v []float64, p int) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[(len(s)-1)*p/100]
}

// BenchmarkPhraseScreens measures in headless Chromium, on the desktop
// CPU and on a CPU 4x slower (phone), the phrase search as you type (from
// the keystroke to the list on screen: search and render in the wasm;
// targets: median <= 2 ms desktop, <= 8 ms phone) and the time from
// tapping a phrase to its full-screen view (target <= 100 ms desktop).
// The index behind the search is benchmarked over all 40 languages at
// once natively: go test -bench Search ./app.
//
//	go test -run '^$' -bench PhraseScreens -benchtime 1x ./cmd/firstline
func BenchmarkPhraseScreens(b *testing.B) {
	ctx := newBrowser(b)
	a := startApp(b, nil)
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		b.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			b.Fatalf("%s: %v", what, err)
		}
	}
	run("first load", chromedp.Navigate(a.URL+"/packs"), waitUsable(), until(syncDoneJS))
	id := "phrases-first-contact-ti"
	run("install", until(`!!document.querySelector("#install-`+id+`")`), chromedp.Click(chromedp.CSS("#install-"+id)),
		until(installedJS+`.includes("`+id+`@")`), until(syncDoneJS))
	run("choose Tigrinya", chromedp.Navigate(a.URL+"/phrases/language"), waitUsable(), waitPhrasePacks("ti"),
		chromedp.Click(chromedp.CSS("#victim-lang-ti")), until(`!!document.querySelector("#phrase-search")`))

	queries := `["passport", "hurt", "pas", "work", "family", "xyz", "p", "паспорт", "do you", "help"]`
	for _, profile := range []struct {
		name string
		rate float64
	}{{"desktop", 1}, {"phone", 4}} {
		run(profile.name, cpuRate(profile.rate), chromedp.Navigate(a.URL+"/phrases"), waitUsable(),
			until(`!!document.querySelector("#phrase-search")`))
		times, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](searchTimingJS+"("+queries+", 5)", chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatal(err)
		}
		var screen, search []float64
		for i := 0; i+1 < len(times); i += 2 {
			screen, search = append(screen, times[i]), append(search, times[i+1])
		}
		for _, v := range screen {
			if v < 0 {
				b.Fatalf("%s: a query did not change the list within 3 s", profile.name)
			}
		}
		var taps []float64
		for i := 0; i < 7; i++ {
			run("list", chromedp.Navigate(a.URL+"/phrases"), waitUsable(), chromedp.SendKeys(chromedp.CSS("#phrase-search"), "passport"),
				until(`!!document.querySelector("#show-have_passport")`))
			ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](showTiming, chromedp.EvalAwaitPromise))
			if err != nil {
				b.Fatal(err)
			}
			taps = append(taps, ms)
		}
		fmt.Fprintf(os.Stdout, "%s (CPU x%g), %d queries: search in the wasm median %.3f ms p95 %.3f ms; keystroke to list on screen median %.1f ms p95 %.1f ms; tap to full screen median %.0f ms p95 %.0f ms\n",
			profile.name, profile.rate, len(search), percentile(search, 50), percentile(search, 95),
			percentile(screen, 50), percentile(screen, 95), percentile(taps, 50), percentile(taps, 95))
		b.ReportMetric(percentile(search, 50), profile.name+"-search-median-ms")
		b.ReportMetric(percentile(search, 95), profile.name+"-search-p95-ms")
		b.ReportMetric(percentile(screen, 50), profile.name+"-keystroke-to-screen-ms")
		b.ReportMetric(percentile(taps, 50), profile.name+"-tap-to-show-ms")
	}
	run("reset", cpuRate(1))
}
