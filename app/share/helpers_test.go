package share_test

import (
	"fmt"
	"strconv"
)

func fmtSscanf(cmd string, x, y, n, m *int) (int, error) {
	return fmt.Sscanf(cmd, "M%d %dh%dv1h-%d", x, y, n, m)
}

func itoa(i int) string { return strconv.Itoa(i) }
