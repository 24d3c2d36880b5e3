//go:build !js

// Package deploy holds the container image and Kubernetes manifests of the
// companion (Dockerfile, kubernetes/*.yaml) and their tests. It has no
// code of its own: only the tests, so that what they import (a Kubernetes
// validator) stays out of every binary the project ships.
package deploy

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/intstr"
	"sigs.k8s.io/kubectl-validate/pkg/openapiclient"
	"sigs.k8s.io/kubectl-validate/pkg/utils"
	"sigs.k8s.io/kubectl-validate/pkg/validator"
	"sigs.k8s.io/yaml"
)

// kubeVersion is the Kubernetes release whose API the manifests are
// validated against: its OpenAPI schemas are embedded in kubectl-validate,
// so validation runs offline. 1.30 is the newest it carries, and the
// first where the preStop sleep action is on by default.
const kubeVersion = "1.30"

var (
	validatorOnce sync.Once
	k8sValidator  *validator.Validator
	validatorErr  error
)

// kubeValidator is kubectl-validate's validator over its embedded schemas
// (and its hand-written corrections to them) only: no cluster, no network.
// It decodes strictly (unknown and duplicate fields are errors) and runs
// the API server's own OpenAPI validation (types, required fields,
// formats, enums).
func kubeValidator(t *testing.T) *validator.Validator {
	t.Helper()
	validatorOnce.Do(func() {
		start := time.Now()
		k8sValidator, validatorErr = validator.New(openapiclient.NewOverlay(
			openapiclient.HardcodedPatchLoader(kubeVersion),
			openapiclient.NewHardcodedBuiltins(kubeVersion),
		))
		t.Logf("Kubernetes %s schemas loaded in %v", kubeVersion, time.Since(start).Round(time.Millisecond))
	})
	if validatorErr != nil {
		t.Fatalf("kubectl-validate with the embedded Kubernetes %s schemas: %v", kubeVersion, validatorErr)
	}
	return k8sValidator
}

// validateDocument validates one YAML document as the API server would
// on create, then checks that every field the schema requires is written
// in it.
func validateDocument(v *validator.Validator, doc []byte) error {
	_, obj, err := v.Parse(doc)
	if err != nil {
		return err
	}
	if err := v.Validate(obj); err != nil {
		return err
	}
	return requiredFields(doc)
}

var (
	schemasOnce sync.Once
	schemas     map[string]map[string]any // "group/version" → components.schemas
	schemasErr  error
)

// requiredFields checks a raw manifest against the "required" lists of the
// same embedded OpenAPI schemas. The validator above fills in each
// field's schema default before validating, and Kubernetes gives a default
// ("", {}) to most fields of value type: a container without a name or an
// autoscaler without its scaleTargetRef passes it, and only the API
// server's hand-written checks would refuse it, at apply time.
func requiredFields(doc []byte) error {
	schemasOnce.Do(func() {
		paths, err := openapiclient.NewHardcodedBuiltins(kubeVersion).Paths()
		if err != nil {
			schemasErr = err
			return
		}
		schemas = map[string]map[string]any{}
		for p, gv := range paths {
			b, err := gv.Schema("application/json")
			if err != nil {
				schemasErr = fmt.Errorf("%s: %v", p, err)
				return
			}
			var d struct {
				Components struct{ Schemas map[string]any }
			}
			if err := json.Unmarshal(b, &d); err != nil {
				schemasErr = fmt.Errorf("%s: %v", p, err)
				return
			}
			schemas[strings.TrimPrefix(strings.TrimPrefix(p, "apis/"), "api/")] = d.Components.Schemas
		}
	})
	if schemasErr != nil {
		return schemasErr
	}
	var obj map[string]any
	if err := yaml.Unmarshal(doc, &obj); err != nil {
		return err
	}
	apiVersion, _ := obj["apiVersion"].(string)
	kind, _ := obj["kind"].(string)
	group, version, ok := strings.Cut(apiVersion, "/")
	if !ok {
		group, version = "", apiVersion
	}
	defs := schemas[apiVersion]
	for _, def := range defs {
		for _, gvk := range asList(asMap(def)["x-kubernetes-group-version-kind"]) {
			g := asMap(gvk)
			if g["group"] == group && g["version"] == version && g["kind"] == kind {
				var missing []string
				walkRequired(defs, asMap(def), obj, kind, &missing)
				if len(missing) > 0 {
					return fmt.Errorf("%s: Required value", strings.Join(missing, ", "))
				}
				return nil
			}
		}
	}
	return fmt.Errorf("no schema for %s %s", apiVersion, kind)
}

// walkRequired follows a value down its schema ($ref, allOf, properties,
// items, additionalProperties) and notes each required property absent.
func walkRequired(defs map[string]any, schema map[string]any, value any, path string, missing *[]string) {
	for {
		if ref, ok := schema["$ref"].(string); ok {
			schema = asMap(defs[strings.TrimPrefix(ref, "#/components/schemas/")])
			continue
		}
		if all := asList(schema["allOf"]); len(all) == 1 {
			schema = asMap(all[0])
			continue
		}
		break
	}
	switch v := value.(type) {
	case map[string]any:
		for _, r := range asList(schema["required"]) {
			if _, ok := v[r.(string)]; !ok {
				*missing = append(*missing, path+"."+r.(string))
			}
		}
		props := asMap(schema["properties"])
		extra := asMap(schema["additionalProperties"])
		for k, x := range v {
			if p, ok := props[k]; ok {
				walkRequired(defs, asMap(p), x, path+"."+k, missing)
			} else if extra != nil {
				walkRequired(defs, extra, x, path+"."+k, missing)
			}
		}
	case []any:
		if items := asMap(schema["items"]); items != nil {
			for i, x := range v {
				walkRequired(defs, items, x, fmt.Sprintf("%s[%d]", path, i), missing)
			}
		}
	}
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }
func asList(v any) []any         { l, _ := v.([]any); return l }

// manifests returns every YAML document under kubernetes/, by file.
func manifests(t *testing.T) map[string][][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("kubernetes", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifests in kubernetes/ (%v)", err)
	}
	out := map[string][][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := utils.SplitYamlDocuments(b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, d := range docs {
			if !utils.IsEmptyYamlDocument(d) {
				out[f] = append(out[f], d)
			}
		}
		if len(out[f]) == 0 {
			t.Errorf("%s holds no document", f)
		}
	}
	return out
}

func TestManifestsValidate(t *testing.T) {
	v := kubeValidator(t)
	n := 0
	for file, docs := range manifests(t) {
		for i, d := range docs {
			n++
			if err := validateDocument(v, d); err != nil {
				t.Errorf("%s, document %d: %v", file, i+1, err)
			}
		}
	}
	if n < 3 {
		t.Errorf("validated %d documents, want at least the Deployment, Service and HorizontalPodAutoscaler", n)
	}
}

// The validator is worth something only if it rejects broken manifests:
// each edit below breaks the real Deployment or HPA in one way, and the
// error must name the field.
func TestManifestsValidatorCatchesMistakes(t *testing.T) {
	v := kubeValidator(t)
	deployment := string(readFile(t, "kubernetes/deployment.yaml"))
	hpa := string(readFile(t, "kubernetes/hpa.yaml"))
	cases := []struct {
		name, doc, old, new, want string
	}{
		{"unknown field", deployment, "  replicas: 2\n", "  replica: 2\n", "replica"},
		{"unknown nested field", deployment, "            httpGet:\n              path: /healthz", "            httpGet:\n              pathname: /healthz", "pathname"},
		{"wrong type", deployment, "  replicas: 2\n", "  replicas: two\n", "replicas"},
		{"wrong type in a list", deployment, "containerPort: 8080", "containerPort: \"8080\"", "containerPort"},
		{"missing required field", deployment, "        - name: companion\n          image:", "        - image:", "spec.template.spec.containers[0].name"},
		{"missing required selector", deployment, "  selector:\n    matchLabels:\n      app.kubernetes.io/name: companion\n", "", "selector"},
		{"a list where a string belongs", deployment, "              memory: 512Mi", "              memory: [512Mi]", "memory"},
		{"duplicate field", deployment, "  replicas: 2\n", "  replicas: 2\n  replicas: 3\n", "replicas"},
		{"HPA without its target", hpa, "  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: companion\n", "", "spec.scaleTargetRef"},
		{"HPA target without a name", hpa, "    kind: Deployment\n    name: companion\n", "    kind: Deployment\n", "spec.scaleTargetRef.name"},
		{"Service port without its number", string(readFile(t, "kubernetes/service.yaml")), "      port: 80\n", "", "spec.ports[0].port"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(c.doc, c.old) {
				t.Fatalf("the manifest no longer contains %q: update this case", c.old)
			}
			broken := strings.Replace(c.doc, c.old, c.new, 1)
			err := validateDocument(v, []byte(broken))
			if err == nil {
				t.Fatalf("accepted a manifest with %s", c.name)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("rejected, but the error does not name %q: %v", c.want, err)
			}
			by := "the required-field check"
			if _, obj, err := v.Parse([]byte(broken)); err != nil || v.Validate(obj) != nil {
				by = "kubectl-validate"
			}
			t.Logf("caught by %s: %v", by, err)
		})
	}
}

// What the issue asks of the manifests, beyond being valid: probes on
// /healthz, limits, a non-root read-only container, a Service that reaches
// the pods and an autoscaler that scales this Deployment, and a grace
// period longer than the server's own.
func TestManifestsContent(t *testing.T) {
	var (
		dep *appsv1.Deployment
		svc *corev1.Service
		hpa *autoscalingv2.HorizontalPodAutoscaler
	)
	for file, docs := range manifests(t) {
		for _, d := range docs {
			var meta struct{ Kind string }
			if err := yaml.Unmarshal(d, &meta); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			var into any
			switch meta.Kind {
			case "Deployment":
				dep = &appsv1.Deployment{}
				into = dep
			case "Service":
				svc = &corev1.Service{}
				into = svc
			case "HorizontalPodAutoscaler":
				hpa = &autoscalingv2.HorizontalPodAutoscaler{}
				into = hpa
			default:
				t.Errorf("%s: unexpected kind %q", file, meta.Kind)
				continue
			}
			if err := yaml.UnmarshalStrict(d, into); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
		}
	}
	if dep == nil || svc == nil || hpa == nil {
		t.Fatalf("want a Deployment, a Service and a HorizontalPodAutoscaler; have %v, %v, %v", dep != nil, svc != nil, hpa != nil)
	}

	pod := dep.Spec.Template.Spec
	if len(pod.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	port := intstr.FromString("http")
	for name, p := range map[string]*corev1.Probe{"readiness": c.ReadinessProbe, "liveness": c.LivenessProbe} {
		if p == nil || p.HTTPGet == nil {
			t.Errorf("no HTTP %s probe", name)
			continue
		}
		if p.HTTPGet.Path != "/healthz" || p.HTTPGet.Port != port {
			t.Errorf("%s probe on %s port %s, want /healthz on the http port", name, p.HTTPGet.Path, p.HTTPGet.Port.String())
		}
	}
	if len(c.Ports) != 1 || c.Ports[0].Name != "http" {
		t.Errorf("ports %+v, want one named http", c.Ports)
	}
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		limit, request := c.Resources.Limits[r], c.Resources.Requests[r]
		if limit.IsZero() || request.IsZero() {
			t.Errorf("%s: request %v, limit %v: want both", r, request.String(), limit.String())
		} else if request.Cmp(limit) > 0 {
			t.Errorf("%s request %v above its limit %v", r, request.String(), limit.String())
		}
	}
	// The Go runtime's soft limit sits under the container's hard one.
	for _, e := range c.Env {
		if e.Name != "GOMEMLIMIT" {
			continue
		}
		soft, err := resource.ParseQuantity(strings.TrimSuffix(e.Value, "B"))
		limit := c.Resources.Limits[corev1.ResourceMemory]
		if err != nil || soft.Cmp(limit) >= 0 {
			t.Errorf("GOMEMLIMIT %s is not below the memory limit %s (%v)", e.Value, limit.String(), err)
		}
	}
	sc, psc := c.SecurityContext, pod.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || psc.RunAsUser == nil || *psc.RunAsUser == 0 {
		t.Errorf("pod security context %+v: want runAsNonRoot and a non-zero runAsUser", psc)
	}
	if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem ||
		sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation ||
		sc.Capabilities == nil || len(sc.Capabilities.Drop) != 1 || sc.Capabilities.Drop[0] != "ALL" {
		t.Errorf("container security context %+v: want a read-only root, no privilege escalation, all capabilities dropped", sc)
	}
	if user := dockerfileUser(t); psc != nil && psc.RunAsUser != nil && user != "" && !strings.HasPrefix(user, strconv.FormatInt(*psc.RunAsUser, 10)) {
		t.Errorf("the pod runs as %d, the image as %s", *psc.RunAsUser, user)
	}

	// The grace period covers the preStop pause and the server's -grace.
	grace := flagValue(c.Args, "-grace")
	d, err := time.ParseDuration(grace)
	if err != nil {
		t.Fatalf("the container's -grace %q: %v", grace, err)
	}
	var pause time.Duration
	if c.Lifecycle != nil && c.Lifecycle.PreStop != nil && c.Lifecycle.PreStop.Sleep != nil {
		pause = time.Duration(c.Lifecycle.PreStop.Sleep.Seconds) * time.Second
	}
	if pod.TerminationGracePeriodSeconds == nil || time.Duration(*pod.TerminationGracePeriodSeconds)*time.Second <= d+pause {
		t.Errorf("terminationGracePeriodSeconds %v does not cover preStop %v + -grace %v", pod.TerminationGracePeriodSeconds, pause, d)
	}

	// The Service selects the pods and targets their port.
	for k, want := range svc.Spec.Selector {
		if dep.Spec.Template.Labels[k] != want {
			t.Errorf("the Service selects %s=%s, the pods are labelled %v", k, want, dep.Spec.Template.Labels)
		}
	}
	if len(svc.Spec.Selector) == 0 || len(svc.Spec.Ports) == 0 || svc.Spec.Ports[0].TargetPort != port {
		t.Errorf("Service %+v: want a selector and a port targeting http", svc.Spec)
	}

	// The autoscaler scales this Deployment on CPU, from at least two pods.
	ref := hpa.Spec.ScaleTargetRef
	if ref.Kind != "Deployment" || ref.Name != dep.Name || ref.APIVersion != "apps/v1" {
		t.Errorf("the HPA scales %+v, not the Deployment %s", ref, dep.Name)
	}
	if hpa.Spec.MinReplicas == nil || *hpa.Spec.MinReplicas < 2 || hpa.Spec.MaxReplicas < *hpa.Spec.MinReplicas {
		t.Errorf("HPA replicas %v..%d: want at least 2, max above min", hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas)
	}
	if len(hpa.Spec.Metrics) == 0 || hpa.Spec.Metrics[0].Resource == nil || hpa.Spec.Metrics[0].Resource.Name != corev1.ResourceCPU {
		t.Errorf("HPA metrics %+v: want CPU (the pods request CPU)", hpa.Spec.Metrics)
	}
}

// flagValue returns the value given to a flag in an argument list, in
// either "-flag value" or "-flag=value" form.
func flagValue(args []string, name string) string {
	for i, a := range args {
		if a == name && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v
		}
	}
	return ""
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
