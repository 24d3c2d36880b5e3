package build

import (
	"encoding/json"
	"errors"
	"fmt"
)

// SyntaxReason explains invalid JSON with a line and column, so the
// person importing can find the spot in the file they were given.
func SyntaxReason(raw []byte) string {
	var v any
	err := json.Unmarshal(raw, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		if err != nil {
			return "not valid JSON: " + err.Error()
		}
		return "not valid JSON"
	}
	line, col := 1, 1
	for _, r := range string(raw[:min(int(se.Offset), len(raw))]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("not valid JSON at line %d, column %d: %v", line, col, se)
}
