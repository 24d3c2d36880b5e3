package schedule

import (
	"strings"
)

// CSSColor reports whether s is a colour and only a colour: #rgb, #rgba,
// #rrggbb, #rrggbbaa, a CSS named colour, or rgb()/rgba()/hsl()/hsla() of
// numbers. Colours from schedule data go into style attributes; anything
// else there (url(), expressions, a ";" starting another declaration)
// would be CSS written by whoever wrote the data.
func CSSColor(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "#") {
		hex := s[1:]
		switch len(hex) {
		case 3, 4, 6, 8:
		default:
			return false
		}
		for _, c := range hex {
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
		return true
	}
	for _, fn := range []string{"rgb(", "rgba(", "hsl(", "hsla("} {
		if args, ok := strings.CutPrefix(s, fn); ok {
			args, ok = strings.CutSuffix(args, ")")
			return ok && numericArgs(args)
		}
	}
	return namedColors[s]
}

// numericArgs accepts the inside of rgb() or hsl(): numbers, percentages,
// "deg", separated by commas, spaces or a slash.
func numericArgs(s string) bool {
	n := 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '/' }) {
		f = strings.TrimSuffix(strings.TrimSuffix(f, "%"), "deg")
		if f == "" || len(f) > 12 {
			return false
		}
		for _, c := range f {
			if !('0' <= c && c <= '9' || c == '.' || c == '-' || c == '+') {
				return false
			}
		}
		n++
	}
	return n == 3 || n == 4
}

var namedColors = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`aliceblue antiquewhite aqua aquamarine azure beige bisque black
	blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue
	cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
	darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue
	darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey
	dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray
	green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush
	lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen
	lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey
	lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue
	mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
	mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab
	orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff
	peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon
	sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
	steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`) {
		namedColors[n] = true
	}
}

// color returns a colour from the data, or "" with a warning when it is
// not one.
func (l *loader) color(path, place, value string) string {
	if value == "" || CSSColor(value) {
		return strings.TrimSpace(value)
	}
	if checking {
		l.warn(path, place, "color", "not a colour (#rrggbb, a CSS name, rgb() or hsl()): dropped")
	}
	return ""
}
