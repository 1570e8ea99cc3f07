package source

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func export(t testing.TB, dir string, opts ExportOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ExportCSV(&b, mustLoad(t, dir), "sample", []string{"ar", "fr", "ru"}, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// import -> export -> import gives the same sources and the same sheet.
func TestCSVRoundTrip(t *testing.T) {
	for _, tsv := range []bool{false, true} {
		name := map[bool]string{false: "x.csv", true: "x.tsv"}[tsv]
		dir := copySample(t)
		sheet := export(t, dir, ExportOptions{TSV: tsv})
		// A new phrase with a multi-line cell and a quote, and a changed text.
		sep := map[bool]string{false: ",", true: "\t"}[tsv]
		add := strings.Join([]string{"water", "questions", "yesno", "", `"Ask if the person wants a drink, ""water"" or tea."`,
			"\"Would you like some water?\nJust nod.\"", "هل تريد بعض الماء؟", "\"Voulez-vous de l'eau ?\nFaites oui de la tête.\"", "Хотите воды?"}, sep)
		sheet = append(sheet, add+"\n"...)
		res, err := ImportCSV(bytes.NewReader(sheet), "sample", "en", ImportOptions{Dir: dir, Name: name})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(res.Added, []string{"water"}) || res.Changed != 4 {
			t.Errorf("%s: result %+v", name, res)
		}
		if r := Check(mustLoad(t, dir), true); !r.OK() {
			t.Fatalf("%s: after import:\n%s", name, issuesText(r, dir))
		}
		first := export(t, dir, ExportOptions{TSV: tsv})
		before := snapshot(t, dir)
		if _, err := ImportCSV(bytes.NewReader(first), "sample", "en", ImportOptions{Dir: dir, Name: name}); err != nil {
			t.Fatal(err)
		}
		if after := snapshot(t, dir); !reflect.DeepEqual(before, after) {
			t.Errorf("%s: importing an export changed the sources", name)
		}
		if second := export(t, dir, ExportOptions{TSV: tsv}); !bytes.Equal(first, second) {
			t.Errorf("%s: export differs after a round trip:\n%s\n---\n%s", name, first, second)
		}
	}
}

func TestImportReviewedBy(t *testing.T) {
	dir := copySample(t)
	sheet := "id,en,ru\nno,No,Нет.\n"
	date := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	if _, err := ImportCSV(strings.NewReader(sheet), "sample", "en", ImportOptions{Dir: dir, ReviewedBy: "Olga", Date: date}); err != nil {
		t.Fatal(err)
	}
	set := mustLoad(t, dir).Set("sample")
	if got := set.Review("ru", "no"); got.By != "Olga" || got.Date != "2026-11-01" {
		t.Errorf("review of imported ru text: %+v", got)
	}
	if got := set.Review("ru", "yes").State; got != "draft" {
		t.Errorf("review of a text not in the sheet: %s, want draft", got)
	}
}

func TestImportNewSet(t *testing.T) {
	dir := copySample(t)
	sheet := "\uFEFFid,category,kind,en,fr\nset.title,,,Short set,Petit ensemble\ncat.basic,,,Basic,Base\nhello,basic,message,Hello,Bonjour\n"
	if _, err := ImportCSV(strings.NewReader(sheet), "short", "en", ImportOptions{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	s := mustLoad(t, dir)
	if r := Check(s, true); !r.OK() {
		t.Fatalf("after import:\n%s", issuesText(r, dir))
	}
	if set := s.Set("short"); set == nil || set.Text("fr", "hello") != "Bonjour" {
		t.Errorf("new set not imported: %+v", set)
	}
}

// Every problem is reported with file:line, and nothing is written.
func TestImportErrors(t *testing.T) {
	tests := []struct {
		name, file, sheet, want string
	}{
		{"no source column", "a.csv", "id,fr\nyes,Oui\n", `a.csv:1: error: no column for the source language "en"`},
		{"no id column", "a.csv", "en,fr\nYes,Oui\n", "a.csv:1: error: no id column"},
		{"unknown column", "a.csv", "id,en,comment\nyes,Yes,x\n", `a.csv:1: error: column 3 "comment": not one of [id category kind options note] and not a language`},
		{"invalid tag column", "a.csv", "id,en,e\nyes,Yes,x\n", `a.csv:1: error: column 3 "e": not one of`},
		{"non-canonical tag", "a.csv", "id,en,zh-hans\nyes,Yes,是\n", `column 3 "zh-hans": write the language tag as "zh-Hans"`},
		{"duplicate column", "a.csv", "id,en,fr,fr\nyes,Yes,Oui,Oui\n", `a.csv:1: error: column "fr" appears twice`},
		{"duplicate id", "a.csv", "id,en,fr\nyes,Yes,Oui\nyes,Yes,Ouais\n", `a.csv:3: error: duplicate id "yes" (first on line 2)`},
		{"bad quotes", "a.csv", "id,en,fr\nyes,\"Yes,Oui\nno,No,Non\n", `a.csv:3:11: error: extraneous or missing " in quoted-field (in the row starting on line 2)`},
		{"wrong field count", "a.csv", "id,en,fr\nyes,Yes\n", `a.csv:2:`},
		{"not UTF-8", "a.csv", "id,en,fr\nyes,Yes,Oui\nno,No,N\xe9n\n", `a.csv:3: error: not UTF-8`},
		{"cell too long", "a.csv", "id,en,fr\nyes,Yes," + strings.Repeat("o", MaxCSVCell+1) + "\n", `a.csv:2: error: column "fr": cell is 2001 characters, limit 2000`},
		{"text too long", "a.csv", "id,en,fr\nyes,Yes," + strings.Repeat("o", 301) + "\n", `a.csv:2: error: "yes" fr: text is 301 characters, limit 300`},
		{"placeholders", "a.csv", "id,en,fr\nyes,Yes {{.N}},Oui\n", `a.csv:2: error: "yes" fr: placeholders (none) differ from the source's {{.N}}`},
		{"new phrase without category", "a.csv", "id,en\nthirsty,Are you thirsty?\n", `a.csv:2: error: new phrase "thirsty": needs a category`},
		{"new category without title", "a.csv", "id,category,en\nthirsty,drinks,Are you thirsty?\n", `new category "drinks": add a row "cat.drinks" with its en title`},
		{"bad kind", "a.csv", "id,category,kind,en\nthirsty,questions,ask,Are you thirsty?\n", `a.csv:2: error: new phrase "thirsty": kind "ask" is not one of`},
		{"option not an answer", "a.csv", "id,category,kind,options,en\nwhich,questions,choice,yes safe,Which?\n", `a.csv:2: error: phrase "which": option "safe" is not a phrase of kind "answer"`},
		{"changed kind", "a.csv", "id,kind,en\nyes,message,Yes\n", `a.csv:2: error: phrase "yes": kind "message" differs from set.toml's "answer"`},
		{"undeclared variant", "a.csv", "id,en,ru\nsafe__female,,Ты в безопасности.\n", `a.csv:2: error: variant "female" of "safe" is not declared in set.toml`},
		{"variant of unknown phrase", "a.csv", "id,en,ru\nbogus__female,,Да\n", `a.csv:2: error: "bogus__female": no phrase "bogus"`},
		{"bad id", "a.csv", "id,en\nYes!,Yes\n", `a.csv:2: error: id "Yes!": want lower-case`},
		{"tsv by name", "a.tsv", "id\ten\tfr\nyes\tYes\n", `a.tsv:2:`},
		{"too many columns", "a.csv", "id,en" + strings.Repeat(",x", MaxCSVColumns) + "\n", "a.csv:1: error: 202 columns, limit 200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copySample(t)
			before := snapshot(t, dir)
			_, err := ImportCSV(strings.NewReader(tt.sheet), "sample", "en", ImportOptions{Dir: dir, Name: tt.file})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error:\n%v\nwant one containing:\n%s", err, tt.want)
			}
			if after := snapshot(t, dir); !reflect.DeepEqual(before, after) {
				t.Errorf("a failed import changed the sources")
			}
		})
	}
}

func TestImportLimits(t *testing.T) {
	dir := copySample(t)
	var b strings.Builder
	b.WriteString("id,en\n")
	for i := 0; i <= MaxCSVRows; i++ {
		fmt.Fprintf(&b, "x%d,y\n", i)
	}
	_, err := ImportCSV(strings.NewReader(b.String()), "sample", "en", ImportOptions{Dir: dir, Name: "big.csv"})
	if err == nil || !strings.Contains(err.Error(), "more than 5000 rows") {
		t.Errorf("rows: got %v", err)
	}
	big := bytes.Repeat([]byte("a"), MaxCSVBytes+1)
	_, err = ImportCSV(bytes.NewReader(big), "sample", "en", ImportOptions{Dir: dir, Name: "big.csv"})
	if err == nil || !strings.Contains(err.Error(), "over 8388608 bytes") {
		t.Errorf("bytes: got %v", err)
	}
}

func FuzzImportCSV(f *testing.F) {
	f.Add(export(f, sampleDir, ExportOptions{}), false)
	f.Add(export(f, sampleDir, ExportOptions{TSV: true}), true)
	f.Add([]byte("id,category,kind,options,en\nwhich,questions,choice,yes no,Which?\n"), false)
	f.Add([]byte("id,en,ru\nalone__female,,Одна?\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		name := map[bool]string{false: "f.csv", true: "f.tsv"}[tsv]
		res, err := ImportCSV(bytes.NewReader(data), "sample", "en", ImportOptions{Dir: sampleDir, Name: name, DryRun: true})
		if err == nil && res == nil {
			t.Fatal("nil result without error")
		}
	})
}

func FuzzParseMessageFile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(sampleDir, "*", "*", "active.*.toml"))
	more, _ := filepath.Glob(filepath.Join(sampleDir, "guide", "active.*.toml"))
	for _, p := range append(files, more...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("[a]\nother = \"x\"\n[a.b]\nother = \"y\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		mf, issues := ParseMessageFile("active.fr.toml", data)
		if mf == nil && len(issues) == 0 {
			t.Fatal("no file and no issue")
		}
		for _, is := range issues {
			if is.File != "active.fr.toml" || is.Msg == "" {
				t.Fatalf("issue without file or message: %+v", is)
			}
		}
	})
}

// FuzzParseSheet fuzzes the spreadsheet parser alone (fast: no sources are
// loaded), with the size limits and column checks.
func FuzzParseSheet(f *testing.F) {
	f.Add(export(f, sampleDir, ExportOptions{}), false)
	f.Add(export(f, sampleDir, ExportOptions{TSV: true}), true)
	f.Add([]byte("\ufeffid,en,fa-AF\r\nq,\"Two\nlines\",\"دو\"\r\n"), false)
	f.Add([]byte("id,en,xx-!!\nq,\"unterminated\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		name := map[bool]string{false: "f.csv", true: "f.tsv"}[tsv]
		sh, err := ParseSheet(bytes.NewReader(data), name, "en")
		if err == nil && sh == nil {
			t.Fatal("nil sheet without error")
		}
		if err != nil && !strings.Contains(err.Error(), name) {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}
