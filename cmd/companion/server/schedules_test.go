package server_test

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"companion/app/catalog"
	"companion/cmd/companion/server"
	"companion/data"
	"companion/data/fixtures"

	"github.com/andybalholm/brotli"
)

// Each conference's current schedule: compressed, with an ETag that
// answers 304 when the app already has it; a served conference too.
func TestScheduleAPI(t *testing.T) {
	camp := fixtures.Read(t, "cccamp2019-excerpt.frab-schedule.json")
	srv := newSite(t, data.File{Name: "camp2019.json", JSON: string(camp)})
	kcd, _ := catalog.Document(catalog.Default())
	for path, want := range map[string][]byte{
		server.SchedulePath + catalog.Default(): []byte(kcd),
		server.SchedulePath + "Camp2019":        camp,
	} {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("Accept-Encoding", "br")
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(brotli.NewReader(res.Body))
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "br" || !bytes.Equal(body, want) {
			t.Fatalf("%s: %s, encoding %q, %d bytes decoded (want %d)", path, res.Status, res.Header.Get("Content-Encoding"), len(body), len(want))
		}
		etag := res.Header.Get("ETag")
		req.Header.Set("If-None-Match", etag)
		res, err = http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("%s with If-None-Match %s: %s, want 304", path, etag, res.Status)
		}
	}
	res, err := http.Get(srv.URL + server.SchedulePath + "nosuchconf")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown conference: %s", res.Status)
	}
}
