import { describe, expect, it } from "vitest";
import { collectDefines, locateInTemplate } from "../../src/expand/helm/template-locate.js";

const helpers = collectDefines([
  `{{- define "app.podSecurity" -}}
{{- toYaml .Values.podSecurityContext }}
{{- end }}
{{- define "app.containerSecurity" -}}
{{ include "app.podSecurity" . }}
{{- end }}`,
]);

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
spec:
  template:
    spec:
      hostNetwork: {{ .Values.hostNetwork }}
      {{- with .Values.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        {{- if .Values.sidecar.enabled }}
        - name: sidecar
          image: busybox:1.36
        {{- end }}
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          securityContext:
            privileged: true
          resources: {{- toYaml .Values.resources | nindent 12 }}
        - name: helper
          securityContext: {{ include "app.containerSecurity" . | nindent 12 }}
      volumes:
      {{- range .Values.extraVolumes }}
        - name: {{ .name }}
      {{- end }}
`;

const body = { spec: { template: { spec: { containers: [{ name: "app" }, { name: "helper" }] } } } };
const containers = ["spec", "template", "spec", "containers"];

describe("locateInTemplate", () => {
  it("finds a literal key on its own line", () => {
    const hit = locateInTemplate(deployment, "Deployment", body, [...containers, 0, "securityContext", "privileged"], helpers);
    expect([hit.line, hit.column, hit.matchedSegments]).toEqual([21, 13, 7]);
    expect(hit.values).toBeUndefined();
  });

  it("matches list items by name when conditional items make counting unreliable", () => {
    const hit = locateInTemplate(deployment, "Deployment", body, [...containers, 0, "image"], helpers);
    expect([hit.line, hit.column]).toEqual([19, 11]);
    expect(hit.values).toEqual({ valuesPath: ["image", "repository"], remainder: [] });
  });

  it("names the values path of a {{ .Values.x }} scalar", () => {
    const hit = locateInTemplate(deployment, "Deployment", body, ["spec", "template", "spec", "hostNetwork"], helpers);
    expect(hit.line).toBe(8);
    expect(hit.values).toEqual({ valuesPath: ["hostNetwork"], remainder: [] });
  });

  it("resolves `toYaml .` inside `with .Values.x`", () => {
    const hit = locateInTemplate(deployment, "Deployment", body, ["spec", "template", "spec", "securityContext", "runAsUser"], helpers);
    expect(hit.line).toBe(10);
    expect(hit.values).toEqual({ valuesPath: ["podSecurityContext"], remainder: ["runAsUser"] });
  });

  it("follows toYaml on the key line to the values below it", () => {
    const hit = locateInTemplate(deployment, "Deployment", body, [...containers, 0, "resources", "limits", "memory"], helpers);
    expect(hit.line).toBe(22);
    expect(hit.values).toEqual({ valuesPath: ["resources"], remainder: ["limits", "memory"] });
  });

  it("follows include into define bodies, several levels deep", () => {
    const hit = locateInTemplate(deployment, "Deployment", body, [...containers, 1, "securityContext", "runAsNonRoot"], helpers);
    expect(hit.line).toBe(24);
    expect(hit.values).toEqual({ valuesPath: ["podSecurityContext"], remainder: ["runAsNonRoot"] });
  });

  it("picks the document of the right kind in a multi-document template", () => {
    const text = `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostPID: true\n`;
    const hit = locateInTemplate(text, "Pod", {}, ["spec", "hostPID"], helpers);
    expect([hit.line, hit.column]).toEqual([11, 3]);
  });

  it("falls back to the deepest literal key when nothing supplies the rest", () => {
    const hit = locateInTemplate(deployment, "Deployment", body, [...containers, 0, "securityContext", "runAsNonRoot"], helpers);
    expect(hit.line).toBe(20);
    expect(hit.matchedSegments).toBe(6);
  });
});
