import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { load } from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { copiesRemoved, removeCopy, sentinelChart, setKeyPath, tagChart, tagTemplate } from "../../src/expand/helm/instrument.js";

const tag = (line: number, emits: boolean): string => ` #${line}${emits ? "e" : ""}`;

describe("tagTemplate: a tag on every line whose output a comment cannot change", () => {
  it("tags key lines, list items and emitting actions, and says which lines emit", () => {
    const template = ["metadata:", "  name: {{ .Release.Name }}", "  labels:", "    {{- include \"x.labels\" . | nindent 4 }}", "spec:", "  - name: a"].join("\n");
    expect(tagTemplate(template, tag).split("\n")).toEqual([
      "metadata: #1",
      "  name: {{ .Release.Name }} #2",
      "  labels: #3",
      '    {{- include "x.labels" . | nindent 4 }} #4e',
      "spec: #5",
      "  - name: a #6",
    ]);
  });

  it("leaves block scalar content, multi-line actions and control-only lines alone", () => {
    const template = [
      "data:",
      "  config.yaml: |",
      "    key: value",
      "    {{- if .Values.x }}",
      "    other: 1",
      "    {{- end }}",
      "  next: {{ include \"x\" (dict",
      '    "a" 1) }}',
      "{{- if .Values.y }}",
      "  last: 2",
      "{{- end }}",
    ].join("\n");
    expect(tagTemplate(template, tag).split("\n")).toEqual([
      "data: #1",
      "  config.yaml: | #2",
      "    key: value",
      "    {{- if .Values.x }}",
      "    other: 1",
      "    {{- end }}",
      '  next: {{ include "x" (dict',
      '    "a" 1) }}',
      "{{- if .Values.y }}",
      "  last: 2 #10",
      "{{- end }}",
    ]);
  });

  it("leaves lines whose newline is trimmed away: a `-}}` at the end, or a `{{-` below that pulls text up", () => {
    const template = ["name: {{ .Values.a -}}", "  -suffix", "image:", "  {{- .Values.image }}", "ports:", "  {{- toYaml .Values.ports | nindent 2 }}"].join("\n");
    expect(tagTemplate(template, tag).split("\n")).toEqual([
      "name: {{ .Values.a -}}",
      "  -suffix #2",
      "image:",
      "  {{- .Values.image }} #4",
      "ports: #5",
      "  {{- toYaml .Values.ports | nindent 2 }} #6e",
    ]);
  });

  it("leaves every line of a scalar folded over more indented lines, where a comment would end it early", () => {
    const template = [
      "properties:",
      "  operation:",
      "    description: Operation contains information about a requested or running",
      "      operation",
      "    type: object",
      "  - description: Total number of pods targeted by this rollout that",
      "      have the desired template spec",
      "",
      "      and are ready",
      "    name: Ready",
      "  note: one line",
      "    {{- if .Values.x }}",
    ].join("\n");
    expect(tagTemplate(template, tag).split("\n")).toEqual([
      "properties: #1",
      "  operation: #2",
      "    description: Operation contains information about a requested or running",
      "      operation",
      "    type: object #5",
      "  - description: Total number of pods targeted by this rollout that",
      "      have the desired template spec",
      "",
      "      and are ready",
      "    name: Ready #10",
      "  note: one line #11",
      "    {{- if .Values.x }}",
    ]);
  });

  it("reads `}}` inside a quoted string as part of its action", () => {
    const template = ['name: {{ printf "%s}}" .Values.x }}', "{{- if eq .Values.y \"-}}\" }}", "x: 1", "{{- end }}"].join("\n");
    expect(tagTemplate(template, tag).split("\n")).toEqual(['name: {{ printf "%s}}" .Values.x }} #1', '{{- if eq .Values.y "-}}" }}', "x: 1 #3", "{{- end }}"]);
  });

  it("tags only the YAML lines of helper bodies, and their actions only when indented into a block", () => {
    const template = ['{{- define "x.fullname" -}}', "{{ .Release.Name }}-x", "{{- end }}", '{{- define "x.spec" -}}', "containers:", "  {{- toYaml .Values.containers | nindent 2 }}", "{{ .Values.inline }}", "{{- end }}"].join(
      "\n",
    );
    expect(tagTemplate(template, tag).split("\n")).toEqual([
      '{{- define "x.fullname" -}}',
      "{{ .Release.Name }}-x",
      "{{- end }}",
      '{{- define "x.spec" -}}',
      "containers: #5",
      "  {{- toYaml .Values.containers | nindent 2 }} #6e",
      "{{ .Values.inline }}",
      "{{- end }}",
    ]);
  });
});

describe("sentinelChart: values leaves replaced by tokens that name them", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function chart(values: string, template = "{}\n"): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kubeward-test-chart-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "templates"));
    writeFileSync(path.join(dir, "Chart.yaml"), "apiVersion: v2\nname: t\nversion: 0.1.0\n");
    writeFileSync(path.join(dir, "values.yaml"), values);
    writeFileSync(path.join(dir, "templates", "x.yaml"), template);
    writeFileSync(path.join(dir, "values.schema.json"), "{}");
    return dir;
  }

  it("replaces strings, true and non-zero numbers, and marks empty maps; keeps falsy values, switches and compared values", async () => {
    const dir = chart("name: web\nempty: \"\"\non: true\noff: false\nport: 80\nzero: 0\nctx: {}\nenabled: true\nkind: DaemonSet\n", '{{ if eq .Values.kind "DaemonSet" }}{}{{ end }}\n');
    const copy = sentinelChart(dir, { name: "d", valuesFiles: [], set: [] }, "truthy");
    try {
      await copy.copy.materialize();
      const written = readFileSync(path.join(copy.dir, "values.yaml"), "utf8");
      expect(written).toContain("name: kwv0x");
      expect(written).toContain("empty: ''");
      expect(written).toMatch(/'?on'?: kwv1x/);
      expect(written).toMatch(/'?off'?: false/);
      expect(written).toContain("port: kwv2x");
      expect(written).toContain("zero: 0");
      expect(written).toMatch(/ctx:\n {2}kwv3x: kwv3x/);
      expect(written).toContain("enabled: true");
      expect(written).toContain("kind: DaemonSet");
      expect(copy.sentinels.slice(0, 4).map((sentinel) => sentinel.effective)).toEqual([["name"], ["on"], ["port"], ["ctx"]]);
      expect(readdirSync(copy.dir)).not.toContain("values.schema.json");
    } finally {
      removeCopy(copy.dir);
    }
  });

  it("keeps the conditions of `ternary`, and empty maps whose entries a template uses as maps, as they are", async () => {
    const template = [
      '{{ ternary "yes" "no" .Values.journal }}',
      "{{- range $name, $repo := .Values.repos }}{{ $repo.url }}{{ end }}",
      "{{- range $name, $cluster := $.Values.clusters }}{{ range $key, $value := $cluster }}{{ $key }}{{ end }}{{ end }}",
      "{{- range $key, $value := .Values.env }}{{ $key }}: {{ $value }}{{ end }}",
    ].join("\n");
    const dir = chart("journal: true\nrepos: {}\nclusters: {}\nenv: {}\n", template);
    const copy = sentinelChart(dir, { name: "d", valuesFiles: [], set: [] }, "truthy");
    try {
      await copy.copy.materialize();
      expect(load(readFileSync(path.join(copy.dir, "values.yaml"), "utf8"))).toEqual({ journal: true, repos: {}, clusters: {}, env: { kwv3x: "kwv3x" } });
    } finally {
      removeCopy(copy.dir);
    }
  });

  it("replaces only strings at the strings level, and keeps the values a failed render refused", async () => {
    const dir = chart("name: web\nport: 80\npreset: small\n");
    const copy = sentinelChart(dir, { name: "d", valuesFiles: [], set: [] }, "strings", new Set([1]));
    try {
      await copy.copy.materialize();
      const written = readFileSync(path.join(copy.dir, "values.yaml"), "utf8");
      expect(written).toContain("name: kwv0x");
      expect(written).toContain("port: 80");
      expect(written).toContain("preset: small");
    } finally {
      removeCopy(copy.dir);
    }
  });

  it("replaces --set values assignment by assignment and names them by their key", () => {
    const dir = chart("a: 1\n");
    const copy = sentinelChart(dir, { name: "d", valuesFiles: [], set: ["image.tag=latest,list={a,b},flag=false", "x\\.y[1].z=v"] }, "truthy");
    try {
      expect(copy.valueSet.set).toEqual(["image.tag=kwv1x,list={a,b},flag=false", "x\\.y[1].z=kwv2x"]);
      expect(copy.sentinels[2]).toMatchObject({ source: { kind: "set", path: ["x.y", 1, "z"] }, effective: ["x.y", 1, "z"], rank: 1000 });
    } finally {
      removeCopy(copy.dir);
    }
  });

  it("makes the copy of a read-only chart writable, so it can be instrumented whoever runs kubeward", async () => {
    const dir = chart("name: web\n");
    for (const file of ["values.yaml", "Chart.yaml", "templates/x.yaml"]) chmodSync(path.join(dir, file), 0o444);
    chmodSync(path.join(dir, "templates"), 0o555);
    const copy = tagChart(dir);
    try {
      await copy.copy.materialize();
      expect(statSync(path.join(copy.dir, "templates", "x.yaml")).mode & 0o200).toBe(0o200);
      expect(statSync(path.join(copy.dir, "templates")).mode & 0o200).toBe(0o200);
    } finally {
      removeCopy(copy.dir);
      chmodSync(path.join(dir, "templates"), 0o755);
    }
  });

  it("links the chart's unchanged files into the copy and writes the instrumented ones as new files, leaving the chart as it was", async () => {
    const dir = chart("name: web\n", "name: {{ .Values.name }}\n");
    writeFileSync(path.join(dir, "templates", "NOTES.txt"), "notes\n");
    mkdirSync(path.join(dir, "files"));
    writeFileSync(path.join(dir, "files", "data.txt"), "data\n");
    const tagged = tagChart(dir);
    const values = sentinelChart(dir, { name: "d", valuesFiles: [], set: [] }, "truthy");
    try {
      await Promise.all([tagged.copy.materialize(), values.copy.materialize()]);
      expect(statSync(path.join(tagged.dir, "files", "data.txt")).ino).toBe(statSync(path.join(dir, "files", "data.txt")).ino);
      expect(statSync(path.join(tagged.dir, "templates", "x.yaml")).ino).not.toBe(statSync(path.join(dir, "templates", "x.yaml")).ino);
      expect(readFileSync(path.join(tagged.dir, "templates", "x.yaml"), "utf8")).toBe("name: {{ .Values.name }} #kw:0:1\n");
      expect(readFileSync(path.join(values.dir, "values.yaml"), "utf8")).toBe("name: kwv0x\n");
      expect(readdirSync(path.join(tagged.dir, "templates"))).toEqual(["x.yaml"]);
      expect(readdirSync(values.dir).sort()).toEqual(["Chart.yaml", "files", "templates", "values.yaml"]);
      expect(readFileSync(path.join(dir, "templates", "x.yaml"), "utf8")).toBe("name: {{ .Values.name }}\n");
      expect(readFileSync(path.join(dir, "values.yaml"), "utf8")).toBe("name: web\n");
      expect(readdirSync(path.join(dir, "templates")).sort()).toEqual(["NOTES.txt", "x.yaml"]);
    } finally {
      removeCopy(tagged.dir);
      removeCopy(values.dir);
      await copiesRemoved();
    }
    expect(existsSync(path.dirname(tagged.dir))).toBe(false);
    expect(readFileSync(path.join(dir, "files", "data.txt"), "utf8")).toBe("data\n");
  });

  it("makes keys fast in both copies, but for the templates left as they are (untagged, dropped, or with slow keys)", async () => {
    const secret = 'key: {{ genPrivateKey "rsa" | b64enc }}\n';
    const dir = chart("name: web\n", secret);
    writeFileSync(path.join(dir, "templates", "ca.yaml"), '{{- $ca := genCA "ca" 365 }}\n');
    writeFileSync(path.join(dir, "templates", "check.yaml"), '{{- genCA "check" 365 }}\n');
    const tagged = tagChart(dir);
    const untagged = tagChart(dir, new Set(["templates/x.yaml"]));
    const values = sentinelChart(dir, { name: "d", valuesFiles: [], set: [] }, "truthy", new Set(), new Set(["templates/check.yaml"]), new Set(["templates/ca.yaml"]));
    try {
      expect(tagged.copy.written.get(path.join(path.basename(dir), "templates/x.yaml"))).toMatch(/^key: \{\{ genPrivateKey "ecdsa" \| b64enc \}\} #kw:\d+:1\n$/);
      expect(tagged.copy.written.get(path.join(path.basename(dir), "templates/ca.yaml"))).toBe('{{- $ca := genCAWithKey "ca" 365 (genPrivateKey "ecdsa") }}\n');
      expect(tagged.changes("templates/ca.yaml")).toBe(true);
      expect(untagged.changes("templates/x.yaml")).toBe(false);
      expect(values.fastKeys).toEqual(new Set(["templates/x.yaml"]));
      await values.copy.materialize();
      expect(readFileSync(path.join(values.dir, "templates", "x.yaml"), "utf8")).toBe('key: {{ genPrivateKey "ecdsa" | b64enc }}\n');
      expect(readFileSync(path.join(values.dir, "templates", "ca.yaml"), "utf8")).toBe('{{- $ca := genCA "ca" 365 }}\n');
      expect(readdirSync(path.join(values.dir, "templates")).sort()).toEqual(["ca.yaml", "x.yaml"]);
    } finally {
      for (const copy of [tagged, untagged, values]) removeCopy(copy.dir);
      await copiesRemoved();
    }
  });

  it("reads --set keys with indices and escaped dots", () => {
    expect(setKeyPath("a.b[0][2].c\\.d")).toEqual(["a", "b", 0, 2, "c.d"]);
  });
});
