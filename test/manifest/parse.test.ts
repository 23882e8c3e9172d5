import { describe, expect, it } from "vitest";
import { valueAtPath } from "../../src/core/json.js";
import { parseManifest } from "../../src/manifest/parse.js";
import { sourceText } from "../../src/manifest/text.js";
import type { K8sObject, Path, Region } from "../../src/core/types.js";
import { openYamlFile } from "../../src/manifest/yaml-file.js";

/** Parses text that must be free of problems. */
function parse(text: string, file = "test.yaml") {
  const parsed = parseManifest(file, text);
  expect(parsed.problems).toEqual([]);
  return parsed;
}

function only(text: string, file?: string): K8sObject {
  const { objects } = parse(text, file);
  expect(objects).toHaveLength(1);
  return objects[0];
}

/** Region as `line:col-line:col`, easy to read in a failure. */
function span(region: Region): string {
  return `${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
}

/** The text a region covers. */
function covered(text: string, region: Region): string {
  const lines = text.split("\n");
  if (region.startLine === region.endLine) return lines[region.startLine - 1].slice(region.startColumn - 1, region.endColumn - 1);
  const first = lines[region.startLine - 1].slice(region.startColumn - 1);
  const middle = lines.slice(region.startLine, region.endLine - 1);
  const last = lines[region.endLine - 1].slice(0, region.endColumn - 1);
  return [first, ...middle, last].join("\n");
}

function at(text: string, path: Path, object = only(text)): { span: string; text: string } {
  const region = object.locate(path).region;
  return { span: span(region), text: covered(text, region) };
}

describe("documents and files", () => {
  it("reads every document of a multi-document stream, with positions in the whole file", () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
---
# a comment before the second document
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
---
apiVersion: v1
kind: ConfigMap
metadata:
  generateName: settings-
`;
    const { objects, skipped } = parse(text);
    expect(skipped).toEqual([]);
    expect(objects.map((o) => [o.kind, o.name, o.namespace, o.origin.docIndex])).toEqual([
      ["Service", "web", "shop", 0],
      ["Deployment", "web", "shop", 1],
      ["ConfigMap", "settings-", undefined, 2],
    ]);
    expect(at(text, ["spec", "replicas"], objects[1])).toEqual({ span: "12:3-12:14", text: "replicas: 2" });
    expect(at(text, ["metadata", "generateName"], objects[2])).toEqual({ span: "17:3-17:26", text: "generateName: settings-" });
  });

  it("reads JSON, with positions of keys and values", () => {
    const text = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "p"},
  "spec": {
    "containers": [
      {"name": "a", "securityContext": {"privileged": true}}
    ]
  }
}
`;
    const pod = only(text, "pod.json");
    expect(pod.body).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: { containers: [{ name: "a", securityContext: { privileged: true } }] },
    });
    expect(at(text, ["spec", "containers", 0, "securityContext", "privileged"], pod)).toEqual({ span: "7:41-7:59", text: '"privileged": true' });
    expect(at(text, ["spec", "containers", 0, "securityContext"], pod)).toEqual({
      span: "7:21-7:60",
      text: '"securityContext": {"privileged": true}',
    });
  });

  it("reads JSON indented with tabs", () => {
    const text = '{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"metadata": {\n\t\t"name": "p"\n\t}\n}\n';
    expect(at(text, ["metadata", "name"], only(text, "pod.json"))).toEqual({ span: "5:3-5:14", text: '"name": "p"' });
  });

  it("a JSON syntax error is reported as invalid JSON at its position", () => {
    const { objects, problems } = parseManifest("bad.json", '{\n  "apiVersion": "v1",\n  "kind": "Pod"\n  "metadata": {"name": "p"}\n}\n');
    expect(objects).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0].ruleId).toBe("kubeward/parse-error");
    expect(problems[0].message).toMatch(/^Invalid JSON: /);
    expect(problems[0].region.startLine).toBe(4);
  });

  it("ignores empty and comment-only documents, and counts them in document indexes", () => {
    for (const empty of ["", "\n\n", "# just a comment\n", "---\n", "---\n---\n# nothing\n---\n", "...\n"]) {
      expect(parseManifest("e.yaml", empty)).toEqual({ objects: [], problems: [], skipped: [] });
    }
    const text = "---\n# nothing here\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n";
    expect(only(text).origin.docIndex).toBe(2);
  });

  it("passes over documents that are not Kubernetes objects, saying why", () => {
    const text = "replicaCount: 1\n---\n- a\n---\nplain words\n---\n42\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n";
    const { objects, skipped } = parse(text);
    expect(objects.map((o) => o.kind)).toEqual(["Namespace"]);
    expect(skipped).toEqual([
      { file: "test.yaml", docIndex: 0, reason: "it has no apiVersion and kind, so it is not a Kubernetes object" },
      { file: "test.yaml", docIndex: 1, reason: "the document is a list, not a mapping" },
      { file: "test.yaml", docIndex: 2, reason: "the document is a string, not a mapping" },
      { file: "test.yaml", docIndex: 3, reason: "the document is a number, not a mapping" },
    ]);
  });

  it("a document meant as an object but missing apiVersion or kind is a problem at its line, not a quiet skip", () => {
    const text = `kind: Deployment
metadata: {name: web}
---
apiVersion: apps/v1
Kind: Deployment
metadata: {name: web}
---
apiVerison: batch/v1
kind: Job
---
apiVersion: 1
kind: Pod
---
apiVersion: example.com/v1
metadata: {name: thing}
---
apiVersion: v1
kind: Namespace
metadata: {name: n}
`;
    const { objects, problems, skipped } = parseManifest("half.yaml", text);
    expect(objects.map((o) => o.kind)).toEqual(["Namespace"]);
    expect(skipped).toEqual([]);
    expect(problems.map((p) => `${p.ruleId} ${span(p.region)} ${p.message}`)).toEqual([
      "kubeward/missing-api-version-or-kind 1:1-1:17 The document has kind: Deployment but no apiVersion. Kubernetes refuses such an object, and kubeward did not lint it. Add apiVersion (for Deployment: apiVersion: apps/v1).",
      'kubeward/missing-api-version-or-kind 5:1-5:17 The document has apiVersion: apps/v1 and "Kind" but no kind (keys are case-sensitive). Kubernetes refuses such an object, and kubeward did not lint it. Rename "Kind" to kind.',
      'kubeward/missing-api-version-or-kind 8:1-8:21 The document has kind: Job and "apiVerison" but no apiVersion (keys are case-sensitive). Kubernetes refuses such an object, and kubeward did not lint it. Rename "apiVerison" to apiVersion.',
      "kubeward/missing-api-version-or-kind 11:1-11:14 The document has kind: Pod but its apiVersion is a number, not a string. Kubernetes refuses such an object, and kubeward did not lint it. Write apiVersion (for Pod: apiVersion: v1).",
      "kubeward/missing-api-version-or-kind 14:1-14:27 The document has apiVersion: example.com/v1 but no kind. Kubernetes refuses such an object, and kubeward did not lint it. Add kind (the object's type, e.g. kind: Deployment).",
    ]);
  });

  it("other YAML that has a kind or an apiVersion key (CI files, Chart.yaml) is still passed over", () => {
    const text = "kind: pipeline\ntype: docker\nsteps: [{name: test}]\n---\napiVersion: v2\nname: web\nversion: 1.0.0\n";
    const { problems, skipped } = parseManifest("ci.yaml", text);
    expect(problems).toEqual([]);
    expect(skipped.map((s) => s.docIndex)).toEqual([0, 1]);
  });

  it("a List item missing its apiVersion is a problem at the item, and the other items are linted", () => {
    const text = "apiVersion: v1\nkind: List\nitems:\n  - kind: Pod\n    metadata: {name: a}\n  - {apiVersion: v1, kind: Pod, metadata: {name: b}}\n";
    const { objects, problems } = parseManifest("list.yaml", text);
    expect(objects.map((o) => o.name)).toEqual(["b"]);
    expect(problems.map((p) => [span(p.region), p.message])).toEqual([
      ["4:5-4:14", "items[0]: The document has kind: Pod but no apiVersion. Kubernetes refuses such an object, and kubeward did not lint it. Add apiVersion (for Pod: apiVersion: v1)."],
    ]);
  });

  it("a `---` line inside a block scalar does not split the document", () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: scripts}
data:
  multi.yaml: |
    ---
    a: 1
    ---
    b: 2
  after: x
---
apiVersion: v1
kind: Namespace
metadata: {name: n}
`;
    const { objects } = parse(text);
    expect(objects.map((o) => o.kind)).toEqual(["ConfigMap", "Namespace"]);
    expect((objects[0].body.data as Record<string, string>)["multi.yaml"]).toBe("---\na: 1\n---\nb: 2\n");
    expect(at(text, ["data", "after"], objects[0])).toEqual({ span: "10:3-10:11", text: "after: x" });
  });

  it("one broken document does not hide the others, even with `---` inside block scalars", () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: [broken}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: scripts}
data:
  multi.yaml: |
    ---
    a: 1
---
apiVersion: v1
kind: Namespace
metadata:
  name: n
`;
    const { objects, problems } = parseManifest("test.yaml", text);
    expect(problems.map((p) => [p.ruleId, p.region.startLine])).toEqual([["kubeward/parse-error", 3]]);
    expect(problems[0].message).toMatch(/^Invalid YAML: .+\. The rest of the file was still read\.$/);
    expect(objects.map((o) => [o.kind, o.origin.docIndex])).toEqual([
      ["ConfigMap", 1],
      ["Namespace", 2],
    ]);
    expect((objects[0].body.data as Record<string, string>)["multi.yaml"]).toBe("---\na: 1\n");
    expect(at(text, ["metadata", "name"], objects[1])).toEqual({ span: "16:3-16:10", text: "name: n" });
  });

  it("reads CRLF files with the same lines and columns", () => {
    const text = "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  hostNetwork: true\r\n";
    const pod = only(text);
    expect(pod.body.spec).toEqual({ hostNetwork: true });
    expect(span(pod.locate(["spec", "hostNetwork"]).region)).toBe("6:3-6:20");
    expect(span(pod.locate(["spec"]).region)).toBe("5:1-5:6");
  });
});

describe("List kinds", () => {
  const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: first}
    spec:
      hostNetwork: true
  - apiVersion: v1
    kind: Pod
    metadata: {name: second}
    spec:
      containers:
        - name: web
          securityContext: {privileged: true}
`;

  it("makes each item its own object, located within its item", () => {
    const { objects } = parse(list);
    expect(objects.map((o) => [o.kind, o.name, o.origin.docIndex, o.origin.itemIndex])).toEqual([
      ["Pod", "first", 0, 0],
      ["Pod", "second", 0, 1],
    ]);
    expect(at(list, ["spec", "hostNetwork"], objects[0])).toEqual({ span: "8:7-8:24", text: "hostNetwork: true" });
    expect(at(list, ["spec", "containers", 0, "securityContext", "privileged"], objects[1])).toEqual({
      span: "15:29-15:45",
      text: "privileged: true",
    });
    // A path that does not exist stops at the item's own deepest node, never at a sibling's.
    expect(at(list, ["spec", "securityContext", "runAsNonRoot"], objects[1])).toEqual({ span: "12:5-12:10", text: "spec:" });
    expect(at(list, [], objects[0])).toEqual({ span: "4:5-4:19", text: "apiVersion: v1" });
  });

  it("reads typed lists such as PodList and ConfigMapList", () => {
    const text = `apiVersion: v1
kind: PodList
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: a}
---
{"apiVersion": "v1", "kind": "ConfigMapList", "items": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}]}
`;
    const { objects } = parse(text);
    expect(objects.map((o) => [o.kind, o.name, o.origin.docIndex, o.origin.itemIndex])).toEqual([
      ["Pod", "a", 0, 0],
      ["ConfigMap", "b", 1, 0],
    ]);
    expect(at(text, ["metadata", "name"], objects[1])).toEqual({ span: "8:112-8:123", text: '"name": "b"' });
  });

  it("passes over items that are not objects, keeping the rest", () => {
    const text = "apiVersion: v1\nkind: List\nitems:\n  - just text\n  -\n  - {apiVersion: v1, kind: Namespace, metadata: {name: ns}}\n";
    const { objects, skipped } = parse(text);
    expect(objects.map((o) => [o.name, o.origin.itemIndex])).toEqual([["ns", 2]]);
    expect(skipped.map((s) => s.reason)).toEqual(["items[0]: the document is a string, not a mapping", "items[1]: empty"]);
  });

  it("reads a List with more items than fit in one call's arguments", () => {
    const item = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}';
    const text = `{"apiVersion":"v1","kind":"List","items":[${Array(200_000).fill(item).join(",")}]}`;
    const { objects } = parse(text, "big.json");
    expect(objects).toHaveLength(200_000);
    const last = objects[objects.length - 1];
    expect(last.origin.itemIndex).toBe(199_999);
    expect(last.locate(["metadata", "name"]).region.startColumn).toBe(text.lastIndexOf('"name"') + 1);
  });
});

describe("YAML as Kubernetes reads it (YAML 1.1)", () => {
  it("reads yes/no/on/off (any case) as booleans and leaves quoted ones as strings", () => {
    const text = `apiVersion: v1
kind: X
a: yes
b: No
c: on
d: OFF
e: y
f: n
g: True
h: "yes"
i: 'off'
`;
    expect(only(text).body).toMatchObject({ a: true, b: false, c: true, d: false, e: true, f: false, g: true, h: "yes", i: "off" });
  });

  it("reads a leading-zero number as octal (file modes), and base 60 not at all", () => {
    const text = "apiVersion: v1\nkind: X\nmode: 0644\nquoted: '0644'\nbig: 1_000\ntime: 12:30\n";
    expect(only(text).body).toMatchObject({ mode: 420, quoted: "0644", big: 1000, time: "12:30" });
  });

  it("resolves anchors, aliases and merge keys into plain values", () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      securityContext: &hardened
        privileged: true
        runAsUser: 0
    - name: b
      securityContext: *hardened
    - name: c
      securityContext:
        <<: *hardened
        runAsUser: 1000
`;
    const containers = (only(text).body.spec as { containers: Array<{ securityContext: unknown }> }).containers;
    expect(containers.map((c) => c.securityContext)).toEqual([
      { privileged: true, runAsUser: 0 },
      { privileged: true, runAsUser: 0 },
      { privileged: true, runAsUser: 1000 },
    ]);
  });

  it("a field reached through an alias or a merge key points at the anchored definition", () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      securityContext: &hardened
        privileged: true
        runAsUser: 0
    - name: b
      securityContext: *hardened
    - name: c
      securityContext:
        <<: *hardened
        runAsUser: 1000
    - name: d
      securityContext:
        <<: [{allowPrivilegeEscalation: true}, *hardened]
`;
    const pod = only(text);
    const privileged = { span: "8:9-8:25", text: "privileged: true" };
    expect(at(text, ["spec", "containers", 1, "securityContext", "privileged"], pod)).toEqual(privileged);
    expect(at(text, ["spec", "containers", 2, "securityContext", "privileged"], pod)).toEqual(privileged);
    expect(at(text, ["spec", "containers", 3, "securityContext", "privileged"], pod)).toEqual(privileged);
    // A key set next to the merge wins over the merged one, and is where the finding points.
    expect(at(text, ["spec", "containers", 2, "securityContext", "runAsUser"], pod)).toEqual({ span: "15:9-15:24", text: "runAsUser: 1000" });
    expect(at(text, ["spec", "containers", 3, "securityContext", "allowPrivilegeEscalation"], pod)).toEqual({
      span: "18:15-18:45",
      text: "allowPrivilegeEscalation: true",
    });
    // The alias itself is where the container's securityContext is set.
    expect(at(text, ["spec", "containers", 1, "securityContext"], pod)).toEqual({ span: "11:7-11:33", text: "securityContext: *hardened" });
  });
});

describe("exact regions", () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: "web"
  labels: {app: web, tier: 'front'}
spec:
  containers:
    - name: web
      image: "nginx:1.25"
      args: ["--port", "8080"]
      securityContext:   # hardened below
        capabilities:
          add:
            - NET_ADMIN
            - 'SYS_TIME'
    - name: sidecar
      image: 'envoy:1.30'
      securityContext: {privileged: true, runAsUser: 0}
  volumes:
    - name: data
      emptyDir:
        medium: Memory
`;

  const cases: Array<[string, Path, string, string]> = [
    ["a plain scalar field: the key through the value", ["spec", "containers", 0, "name"], "8:7-8:16", "name: web"],
    ["a double-quoted value, quotes included", ["spec", "containers", 0, "image"], "9:7-9:26", 'image: "nginx:1.25"'],
    ["a single-quoted value, quotes included", ["spec", "containers", 1, "image"], "17:7-17:26", "image: 'envoy:1.30'"],
    ["a quoted metadata name", ["metadata", "name"], "4:3-4:14", 'name: "web"'],
    ["a block collection: its key line, without the comment", ["spec", "containers", 0, "securityContext"], "11:7-11:23", "securityContext:"],
    ["a flow mapping: its key through the closing brace", ["spec", "containers", 1, "securityContext"], "18:7-18:56", "securityContext: {privileged: true, runAsUser: 0}"],
    ["a field inside a flow mapping", ["spec", "containers", 1, "securityContext", "runAsUser"], "18:43-18:55", "runAsUser: 0"],
    ["a flow mapping's entry with a quoted value", ["metadata", "labels", "tier"], "5:22-5:35", "tier: 'front'"],
    ["a flow sequence", ["spec", "containers", 0, "args"], "10:7-10:31", 'args: ["--port", "8080"]'],
    ["an item of a flow sequence", ["spec", "containers", 0, "args", 1], "10:24-10:30", '"8080"'],
    ["an item of a block sequence", ["spec", "containers", 0, "securityContext", "capabilities", "add", 0], "14:15-14:24", "NET_ADMIN"],
    ["a quoted item of a block sequence", ["spec", "containers", 0, "securityContext", "capabilities", "add", 1], "15:15-15:25", "'SYS_TIME'"],
    ["a block sequence item that is a mapping: its first line", ["spec", "volumes", 0], "20:7-20:17", "name: data"],
    ["a nested scalar", ["spec", "volumes", 0, "emptyDir", "medium"], "22:9-22:23", "medium: Memory"],
    ["a missing field under a container: the container", ["spec", "containers", 1, "resources", "limits"], "16:7-16:20", "name: sidecar"],
    ["a missing field under a block mapping: that mapping's key", ["spec", "containers", 0, "securityContext", "runAsNonRoot"], "11:7-11:23", "securityContext:"],
    ["a missing field under a flow mapping: the flow mapping", ["spec", "containers", 1, "securityContext", "readOnlyRootFilesystem"], "18:7-18:56", "securityContext: {privileged: true, runAsUser: 0}"],
    ["a missing pod-level field: the spec key", ["spec", "securityContext", "runAsNonRoot"], "6:1-6:6", "spec:"],
    ["an index past the end of a list: the list's key", ["spec", "containers", 5, "image"], "7:3-7:14", "containers:"],
    ["a path through a scalar stops at that scalar", ["spec", "containers", 0, "image", "tag"], "9:7-9:26", 'image: "nginx:1.25"'],
  ];
  for (const [name, path, expectedSpan, expectedText] of cases) {
    it(name, () => {
      expect(at(pod, path)).toEqual({ span: expectedSpan, text: expectedText });
    });
  }

  it("a flow mapping over several lines ends at its closing brace", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {\n    runAsUser: 0,  # root }\n    fsGroup: 2\n    }\n";
    expect(at(text, ["spec", "securityContext"])).toEqual({ span: "5:3-8:6", text: "securityContext: {\n    runAsUser: 0,  # root }\n    fsGroup: 2\n    }" });
  });

  it("columns count UTF-16 code units, as SARIF's columnKind says", () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: "🚀 rocket", namespace: ünï}\n';
    // "🚀" is two UTF-16 units, "ü" and "ï" one each.
    expect(span(only(text).locate(["metadata", "namespace"]).region)).toBe("3:31-3:45");
  });
});

describe("input that must not hang or crash the parser", () => {
  it("refuses a billion-laughs alias bomb quickly, at the alias that overflows", () => {
    const levels = ['  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(",")}]`);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${levels.join("\n")}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: fine}\n`;
    const started = Date.now();
    const { objects, problems } = parseManifest("bomb.yaml", text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(problems.map((p) => [p.ruleId, p.region.startLine])).toEqual([["kubeward/parse-error", 10]]);
    expect(problems[0].message).toContain("aliases expand to more than");
    expect(objects.map((o) => o.name)).toEqual(["fine"]);
  });

  it("allows ordinary reuse of anchors", () => {
    const defaults = "  defaults: &d {a: 1, b: 2, c: 3}\n";
    const uses = Array.from({ length: 500 }, (_, i) => `  use${i}: {<<: *d, n: ${i}}\n`).join("");
    const { objects } = parse(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${defaults}${uses}`);
    expect(objects).toHaveLength(1);
  });

  it("refuses an alias that refers to its own anchor (a cycle)", () => {
    const { objects, problems } = parseManifest("cycle.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: &loop\n  self: [*loop]\n");
    expect(objects).toEqual([]);
    expect(problems.map((p) => [p.region.startLine, p.region.startColumn])).toEqual([[5, 10]]);
    expect(problems[0].message).toContain("a cycle");
  });

  it("refuses nesting thousands deep without overflowing the stack", () => {
    const flow = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`;
    const block = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${Array.from({ length: 3000 }, (_, i) => `${" ".repeat(2 * i + 2)}k${i}:\n`).join("")}`;
    for (const text of [flow, block]) {
      const { objects, problems } = parseManifest("deep.yaml", text);
      expect(objects).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toMatch(/nesting|deep/);
    }
  });

  it("reports tabs in indentation at their line", () => {
    const { problems } = parseManifest("tabs.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n");
    expect(problems.map((p) => [p.ruleId, p.region.startLine, p.region.startColumn])).toEqual([["kubeward/parse-error", 4, 1]]);
    expect(problems[0].message).toContain("tab");
  });

  it("reports duplicate keys, as the API server's strict decoding does", () => {
    const { problems } = parseManifest("dup.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nmetadata: {name: b}\n");
    expect(problems.map((p) => p.region.startLine)).toEqual([4]);
    expect(problems[0].message).toContain("duplicate");
  });
});

describe("indentation inside brackets and quotes, which Kubernetes' reader ignores", () => {
  // js-yaml wants such lines indented past their block (YAML 1.2); go-yaml, under kubectl, does not look.
  const spire = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: csi}
spec:
  template:
    spec:
      containers:
        - name: driver
          args: [
              "-socket", "/run/csi.sock",
          ]
          securityContext:
            privileged: true
`;

  it("reads a flow list whose closing bracket sits under its key, as spire-quickstart.yaml writes it", () => {
    const object = only(spire);
    const container = ["spec", "template", "spec", "containers", 0];
    expect(valueAtPath(object.body, [...container, "args"])).toEqual(["-socket", "/run/csi.sock"]);
    expect(at(spire, [...container, "args"], object)).toEqual({ span: "9:11-11:12", text: 'args: [\n              "-socket", "/run/csi.sock",\n          ]' });
    expect(at(spire, [...container, "args", 1], object)).toEqual({ span: "10:26-10:41", text: '"/run/csi.sock"' });
    expect(at(spire, [...container, "securityContext", "privileged"], object)).toEqual({ span: "13:13-13:29", text: "privileged: true" });
  });

  it("reads brackets and quotes continued at any indentation, to the values go-yaml reads", () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data: {a: "1",
b: "2"}
list: [one,
two
three,
\tfour,
]
quoted:
  double: "folded
across lines"
  single: 'folded
 \ttoo'
`;
    const { body } = only(text);
    expect(body.data).toEqual({ a: "1", b: "2" });
    expect(body.list).toEqual(["one", "two three", "four"]);
    expect(body.quoted).toEqual({ double: "folded across lines", single: "folded too" });
    expect(at(text, ["data", "b"])).toEqual({ span: "5:1-5:7", text: 'b: "2"' });
    expect(at(text, ["list", 2])).toEqual({ span: "9:2-9:6", text: "four" });
    expect(at(text, ["quoted", "double"])).toEqual({ span: "12:3-13:14", text: 'double: "folded\nacross lines"' });
    expect(at(text, ["quoted", "single"])).toEqual({ span: "14:3-15:7", text: "single: 'folded\n \ttoo'" });
  });

  it("still refuses a document marker inside a quote, as go-yaml does, and keeps the other documents", () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "open\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n';
    const { objects, problems } = parseManifest("marker.yaml", text);
    expect(problems.map((p) => [p.ruleId, p.region.startLine])).toEqual([["kubeward/parse-error", 5]]);
    expect(objects.map((o) => o.name)).toEqual(["b"]);
  });

  it("reports an error after such a line at its own place in the file", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: [x,\n]}\nbad: [unclosed\n";
    const { problems } = parseManifest("later.yaml", text);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain("flow collection");
    expect(span(problems[0].region)).toBe("7:1-7:2");
  });

  it("finds keys of a values file written so", () => {
    const values = "image: {repository: nginx,\ntag: latest}\nsecurityContext:\n  privileged: true\n";
    const file = openYamlFile(sourceText(values));
    expect(file.locate(["image", "tag"])).toEqual({ region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 12 }, matched: 2 });
    expect(file.locate(["securityContext", "privileged"])?.region.startLine).toBe(4);
  });
});

describe("locating many paths of one object", () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      securityContext:
        privileged: true
    - name: b
      image: b:1
  volumes: [{name: v, hostPath: {path: /}}]
`;
  const paths: Path[] = [
    ["spec", "containers", 0, "securityContext", "privileged"],
    ["spec", "containers", 0, "securityContext", "runAsUser"],
    ["spec", "containers", 1, "securityContext", "privileged"],
    ["spec", "containers", 1, "image"],
    ["spec", "containers", 0, "securityContext", "privileged"],
    ["spec", "volumes", 0, "hostPath", "path"],
    ["spec", "containers", 5, "name"],
    ["spec", "containers", 0],
    [],
    ["metadata", "name"],
  ];

  it("gives each path the place a fresh lookup gives, whatever came before it", () => {
    const reused = only(text);
    const located = paths.map((path) => span(reused.locate(path).region));
    const fresh = paths.map((path) => span(only(text).locate(path).region));
    expect(located).toEqual(fresh);
    expect(located).toEqual(["8:9-8:25", "7:7-7:23", "9:7-9:14", "10:7-10:17", "8:9-8:25", "11:34-11:41", "5:3-5:14", "6:7-6:14", "1:1-1:15", "3:12-3:19"]);
  });
});
