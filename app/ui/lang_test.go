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
