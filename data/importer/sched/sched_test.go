package sched_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/sched"
)

var london = build.Options{TimeZone: "Europe/London", Title: "KubeCon + CloudNativeCon Europe 2025"}

// The speaker lists at the end of real titles, in each shape they take.
func TestSpeakersInTitles(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"T - Lin Sun, Solo.io & Faseela Kundattil, Ericsson Software Technology", "T: Lin Sun||Solo.io; Faseela Kundattil||Ericsson Software Technology"},
		{"T - Jared Watts & Nic Cope, Upbound", "T: Jared Watts||Upbound; Nic Cope||Upbound"},
		{"T - Natale Vinto, Daniel Oh, Roberto Carratala & Alex Soto Bueno, Red Hat; Hind Azegrouz, Intel",
			"T: Natale Vinto||Red Hat; Daniel Oh||Red Hat; Roberto Carratala||Red Hat; Alex Soto Bueno||Red Hat; Hind Azegrouz||Intel"},
		{"T - Idit Levine, Founder & CEO, Solo.io & Keith Babo, VP of Product, Solo.io", "T: Idit Levine|Founder & CEO|Solo.io; Keith Babo|VP of Product|Solo.io"},
		{"T - Travis Nielsen & Madhu Rajanna, IBM, Artem Torubarov & Deepika Upadhyay, Clyso; Sebastien Han, Red Hat",
			"T: Travis Nielsen||IBM; Madhu Rajanna||IBM; Artem Torubarov||Clyso; Deepika Upadhyay||Clyso; Sebastien Han||Red Hat"},
		{"Signed, Sealed, Delivered - Sign and Verify All the Things - Jeremy Rickard, Microsoft", "Signed, Sealed, Delivered - Sign and Verify All the Things: Jeremy Rickard||Microsoft"},
		{"Loves Security - Maxime Coquerel, Royal Bank of Canada - RBC & Mathieu Benoit, Humanitec", "Loves Security: Maxime Coquerel||Royal Bank of Canada - RBC; Mathieu Benoit||Humanitec"},
		{"T - Evan Anderson, Stacklok, Inc", "T: Evan Anderson||Stacklok, Inc"},
		{"T - Ariel Septon, Maintainer", "T: Ariel Septon|Maintainer|"},
		{"T - Yue Bao, Huawei & yue li, DaoCloud", "T: Yue Bao||Huawei; yue li||DaoCloud"},
		{"T - Arka Saha, VMware by Broadcom & Chun-Hung (Henry) Tseng, Google", "T: Arka Saha||VMware by Broadcom; Chun-Hung (Henry) Tseng||Google"},
		{"T - Shay Berkovich\u200b, Wiz", "T: Shay Berkovich||Wiz"},
		{"Azure Day with Kubernetes London 2025 Hosted by Microsoft - SOLD OUT", "Azure Day with Kubernetes London 2025 Hosted by Microsoft - SOLD OUT:"},
		{"🚨 Contribfest: Kyverno - Let's Automate SecOps With Policy as Code!", "🚨 Contribfest: Kyverno - Let's Automate SecOps With Policy as Code!:"},
	} {
		doc, _ := json.Marshal([]map[string]string{{"url": "https://x.sched.com/event/1", "title": tc.title, "eventDate": "2025-04-02T09:00:00"}})
		c, err := sched.Import("t.json", bytes.NewReader(doc), london)
		if err != nil {
			t.Fatal(err)
		}
		var ps []string
		for _, p := range c.Events[0].Persons {
			ps = append(ps, p.Name+"|"+p.Position+"|"+p.Organization)
		}
		if got := strings.TrimSpace(c.Events[0].Title + ": " + strings.Join(ps, "; ")); got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.title, got, tc.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	if _, err := sched.Import(sample, bytes.NewReader(readSample(t)), build.Options{}); err == nil || !strings.Contains(err.Error(), "-tz") {
		t.Errorf("without a zone: %v", err)
	}
	// One bad date costs its session a warning, never the file.
	c, err := sched.Import("s.json", strings.NewReader(`[{"url":"https://x.sched.com/event/1","title":"T","eventDate":"soon"},{"url":"https://x.sched.com/event/2","title":"U","eventDate":"2025-04-02T09:00:00"}]`), london)
	if err != nil || len(c.Events) != 1 || len(c.Warnings) < 1 {
		t.Fatalf("bad date: %v", err)
	}
	if w := c.Warnings[0]; w.File != "s.json" || w.Field != "eventDate" || !strings.Contains(w.Place, `"T"`) {
		t.Errorf("bad date: %s", w)
	}
	_, err = sched.Import("b.json", strings.NewReader("[\n {\"url\": \"u\",\n  \"title\": }\n]"), london)
	if err == nil || !strings.Contains(err.Error(), "b.json") || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("broken JSON: %v", err)
	}
	_, err = sched.Import("o.json", strings.NewReader(`{"sessions":[]}`), london)
	if err == nil || !strings.Contains(err.Error(), "o.json") || !strings.Contains(err.Error(), "array") {
		t.Errorf("not an array: %v", err)
	}
}

func FuzzImport(f *testing.F) {
	src := string(readSample(f))
	if i := strings.Index(src[2000:], "},"); i > 0 {
		f.Add(src[:2000+i+1] + "]")
	}
	f.Add(`[{"url":"https://x.sched.com/event/1","title":"T - Ann & Bob, Org; Cy, Role, Org2","eventTypes":"⚡ Lightning Talks","eventDate":"2025-04-02T09:00:00"}]`)
	f.Fuzz(func(t *testing.T, doc string) {
		c, err := sched.Import("fuzz.json", strings.NewReader(doc), london)
		if err == nil {
			importertest.NoPanic(t, c)
		}
	})
}
