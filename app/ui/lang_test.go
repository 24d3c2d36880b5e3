package ui

import (
	"sync"
	"testing"
	"time"

	"companion/app/i18n"
)

// The server renders pages concurrently, in both languages: a render
// never sees the language change under it.
func TestRenderInKeepsEachRendersLanguage(t *testing.T) {
	defer func() { uiLang = i18n.Default }()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var wrong []string
	for i := 0; i < 40; i++ {
		l := i18n.Langs[i%len(i18n.Langs)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			RenderIn(l, func() {
				for j := 0; j < 5; j++ {
					if got := Lang(); got != l {
						mu.Lock()
						wrong = append(wrong, string(got)+" in a "+string(l)+" render")
						mu.Unlock()
					}
					time.Sleep(100 * time.Microsecond)
				}
				if got := tr("Schedule"); (l == i18n.French) != (got == "Programme") {
					mu.Lock()
					wrong = append(wrong, "tr(Schedule) = "+got+" in a "+string(l)+" render")
					mu.Unlock()
				}
			})
		}()
	}
	wg.Wait()
	for _, w := range wrong {
		t.Error(w)
	}
}

// A stream of overlapping renders in one language does not keep a render
// in the other language waiting for ever.
func TestRenderInLetsTheOtherLanguageIn(t *testing.T) {
	defer func() { uiLang = i18n.Default }()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				RenderIn(i18n.French, func() { time.Sleep(2 * time.Millisecond) })
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	done := make(chan struct{})
	go func() {
		RenderIn(i18n.English, func() {})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Error("an English render waited 5 s behind a stream of French ones")
	}
	close(stop)
	wg.Wait()
}
