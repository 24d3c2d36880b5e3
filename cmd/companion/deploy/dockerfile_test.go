//go:build !js

package deploy

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction: its keyword (upper case), its
// --flags and the rest of the line, continuation lines joined.
type instruction struct {
	line  int
	cmd   string
	flags map[string]string
	args  string
}

type stage struct {
	base, name string
	body       []instruction
}

// parseDockerfile reads a Dockerfile the way the builder does for what the
// tests check: comments and parser directives dropped, lines continued with
// a trailing backslash joined, instructions grouped into stages by FROM.
func parseDockerfile(t *testing.T, path string) []stage {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		stages  []stage
		pending strings.Builder
		start   int
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || (line == "" && pending.Len() == 0) {
			continue
		}
		if pending.Len() == 0 {
			start = n
		}
		if cont, ok := strings.CutSuffix(line, `\`); ok {
			pending.WriteString(cont + " ")
			continue
		}
		pending.WriteString(line)
		text := strings.TrimSpace(pending.String())
		pending.Reset()
		if text == "" {
			continue
		}
		cmd, rest, _ := strings.Cut(text, " ")
		in := instruction{line: start, cmd: strings.ToUpper(cmd), flags: map[string]string{}}
		rest = strings.TrimSpace(rest)
		for strings.HasPrefix(rest, "--") {
			var flag string
			flag, rest, _ = strings.Cut(rest, " ")
			k, v, _ := strings.Cut(strings.TrimPrefix(flag, "--"), "=")
			in.flags[k] = v
			rest = strings.TrimSpace(rest)
		}
		in.args = rest
		if in.cmd == "FROM" {
			fields := strings.Fields(rest)
			s := stage{base: fields[0]}
			if len(fields) == 3 && strings.EqualFold(fields[1], "AS") {
				s.name = fields[2]
			} else if len(fields) != 1 {
				t.Fatalf("%s:%d: FROM %s", path, start, rest)
			}
			stages = append(stages, s)
			continue
		}
		if len(stages) == 0 {
			if in.cmd != "ARG" {
				t.Fatalf("%s:%d: %s before the first FROM", path, start, in.cmd)
			}
			continue
		}
		stages[len(stages)-1].body = append(stages[len(stages)-1].body, in)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if pending.Len() > 0 {
		t.Fatalf("%s ends inside a continued line", path)
	}
	return stages
}

func (s stage) all(cmd string) []instruction {
	var out []instruction
	for _, in := range s.body {
		if in.cmd == cmd {
			out = append(out, in)
		}
	}
	return out
}

// dockerfileUser returns the runtime stage's USER.
func dockerfileUser(t *testing.T) string {
	stages := parseDockerfile(t, "Dockerfile")
	users := stages[len(stages)-1].all("USER")
	if len(users) == 0 {
		return ""
	}
	return users[len(users)-1].args
}

var numericUser = regexp.MustCompile(`^([0-9]+)(:([0-9]+))?$`)

// The image is built in one stage and run from a minimal one: a static
// binary, as a numeric non-root user, with nothing else that could run.
func TestDockerfile(t *testing.T) {
	for _, p := range dockerfileProblems(parseDockerfile(t, "Dockerfile"), goDirective(t)) {
		t.Error(p)
	}
	// The build context is the repository: build outputs and .git stay out.
	ignore := string(readFile(t, "Dockerfile.dockerignore"))
	for _, want := range []string{".git", "bin", "web/build/app.wasm*"} {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(want) + `$`).MatchString(ignore) {
			t.Errorf("Dockerfile.dockerignore does not exclude %s", want)
		}
	}
}

// Each way of getting the image wrong is reported.
func TestDockerfileProblems(t *testing.T) {
	good := string(readFile(t, "Dockerfile"))
	cases := []struct{ name, old, new, want string }{
		{"root", "USER 65532:65532", "USER 0", "is root"},
		{"a user name", "USER 65532:65532", "USER nonroot", "want numeric"},
		{"no user", "USER 65532:65532\n", "", "no USER"},
		{"a full base image", "FROM gcr.io/distroless/static-debian12:nonroot", "FROM debian:12", "want distroless/static or scratch"},
		{"a shell in the runtime stage", "COPY --from=build /src/bin/companion /companion", "COPY --from=build /src/bin/companion /companion\nRUN chmod 755 /companion", "RUN in the runtime stage"},
		{"cgo", "CGO_ENABLED=0 make build", "make build", "CGO_ENABLED=0"},
		{"shell form", `ENTRYPOINT ["/companion"]`, "ENTRYPOINT /companion", "exec (JSON) form"},
		{"another toolchain", "FROM golang:1.26.8 AS build", "FROM golang:1.22 AS build", "go.mod's toolchain"},
		{"one stage", "FROM gcr.io/distroless/static-debian12:nonroot\n", "", "the runtime stage copies"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(good, c.old) {
				t.Fatalf("the Dockerfile no longer contains %q: update this case", c.old)
			}
			path := filepath.Join(t.TempDir(), "Dockerfile")
			if err := os.WriteFile(path, []byte(strings.Replace(good, c.old, c.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			problems := strings.Join(dockerfileProblems(parseDockerfile(t, path), goDirective(t)), "\n")
			if !strings.Contains(problems, c.want) {
				t.Errorf("not reported as %q; problems:\n%s", c.want, problems)
			}
		})
	}
}

// dockerfileProblems checks a parsed Dockerfile's stages.
func dockerfileProblems(stages []stage, goVersion string) []string {
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if len(stages) < 2 {
		report("%d stages, want a build stage and a runtime stage", len(stages))
	}
	if len(stages) == 0 {
		return problems
	}
	build, runtime := stages[0], stages[len(stages)-1]

	// Build: the Go toolchain go.mod names, the app built by make, no cgo.
	if !strings.HasPrefix(build.base, "golang:"+goVersion) {
		report("build stage FROM %s, want golang:%s (go.mod's toolchain)", build.base, goVersion)
	}
	if build.name == "" {
		report("the build stage has no name to copy from")
	}
	var makes, cgoOff bool
	for _, in := range build.all("RUN") {
		makes = makes || strings.Contains(in.args, "make build")
		cgoOff = cgoOff || strings.Contains(in.args, "CGO_ENABLED=0 make build")
	}
	for _, in := range build.all("ENV") {
		cgoOff = cgoOff || regexp.MustCompile(`\bCGO_ENABLED[= ]0\b`).MatchString(in.args)
	}
	if !makes || !cgoOff {
		report("the build stage must run `make build` with CGO_ENABLED=0 (make: %v, cgo off: %v)", makes, cgoOff)
	}

	// Runtime: distroless static or scratch, nothing run in it, the binary
	// copied from the build stage, a numeric non-root user, exec form.
	if !strings.HasPrefix(runtime.base, "gcr.io/distroless/static") && runtime.base != "scratch" {
		report("runtime stage FROM %s, want distroless/static or scratch", runtime.base)
	}
	for _, in := range runtime.body {
		switch in.cmd {
		case "COPY":
			if in.flags["from"] == "" || in.flags["from"] != build.name || len(stages) < 2 {
				report("line %d: the runtime stage copies %q from %q, not from a build stage", in.line, in.args, in.flags["from"])
			}
		case "USER", "EXPOSE", "ENTRYPOINT", "CMD", "LABEL", "ENV", "WORKDIR":
		default:
			report("line %d: %s in the runtime stage: it should only receive the binary", in.line, in.cmd)
		}
	}
	users := runtime.all("USER")
	if len(users) == 0 {
		report("the runtime stage has no USER: it would run as root")
	} else if m := numericUser.FindStringSubmatch(users[len(users)-1].args); m == nil {
		report("USER %s: want numeric uid[:gid] (Kubernetes checks runAsNonRoot on numbers)", users[len(users)-1].args)
	} else if m[1] == "0" || m[3] == "0" {
		report("USER %s is root", m[0])
	}
	entry := runtime.all("ENTRYPOINT")
	var argv []string
	if len(entry) != 1 {
		report("%d ENTRYPOINTs, want 1", len(entry))
	} else if err := json.Unmarshal([]byte(entry[0].args), &argv); err != nil || len(argv) == 0 {
		report("ENTRYPOINT %s: want the exec (JSON) form: there is no shell to run it (%v)", entry[0].args, err)
	} else {
		copied := false
		for _, in := range runtime.all("COPY") {
			f := strings.Fields(in.args)
			copied = copied || (len(f) == 2 && f[1] == argv[0] && strings.HasSuffix(f[0], "/bin/companion"))
		}
		if !copied {
			report("ENTRYPOINT %s is not the binary copied from the build stage", argv[0])
		}
	}
	for _, in := range runtime.all("EXPOSE") {
		if in.args != "8080" {
			report("EXPOSE %s, want 8080 (the Deployment's containerPort)", in.args)
		}
	}
	return problems
}

// The parser is checked on what it must refuse and what it must read, so
// that a pass above means something.
func TestParseDockerfile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Dockerfile")
	src := "# syntax=docker/dockerfile:1\nARG X=1\nFROM golang:1 AS b\nRUN a \\\n  && b\n\nfrom scratch\ncopy --from=b /x /y\nUSER 0\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s := parseDockerfile(t, path)
	if len(s) != 2 || s[0].name != "b" || s[1].base != "scratch" {
		t.Fatalf("stages %+v", s)
	}
	if run := s[0].all("RUN"); len(run) != 1 || run[0].args != "a  && b" || run[0].line != 4 {
		t.Errorf("RUN %+v", run)
	}
	if cp := s[1].all("COPY"); len(cp) != 1 || cp[0].flags["from"] != "b" || cp[0].args != "/x /y" {
		t.Errorf("COPY %+v", cp)
	}
	if m := numericUser.FindStringSubmatch(s[1].all("USER")[0].args); m == nil || m[1] != "0" {
		t.Errorf("USER 0 read as %v", m)
	}
	for _, bad := range []string{"nonroot", "65532:nonroot", "x1"} {
		if numericUser.MatchString(bad) {
			t.Errorf("USER %s taken as numeric", bad)
		}
	}
}

// goDirective returns go.mod's go version.
func goDirective(t *testing.T) string {
	b := readFile(t, filepath.Join("..", "..", "..", "go.mod"))
	m := regexp.MustCompile(`(?m)^go ([0-9.]+)$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no go directive in go.mod")
	}
	if _, err := strconv.Atoi(strings.Split(string(m[1]), ".")[0]); err != nil {
		t.Fatalf("go directive %s", m[1])
	}
	return string(m[1])
}
