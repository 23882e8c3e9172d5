import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { jsonFindings, runCli, onlyRulesConfig, removeTempDirs, tempDir, tools, toolsEnv, type JsonFinding } from "./cli-harness.js";

afterAll(removeTempDirs);

const deployment = (namespace: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${namespace}spec:
  template:
    spec:
      containers: [{name: a, image: a:1}]
`;

/** The default-namespace findings of `kubeward lint .` in `cwd`. */
async function defaultNamespaceFindings(cwd: string): Promise<JsonFinding[]> {
  const result = await runCli(["lint", ".", "--format", "json", "--fail-on", "none"], { cwd, env: toolsEnv() });
  return jsonFindings(result.stdout, "default-namespace");
}

describe.skipIf(!existsSync(tools.kubectl))("default-namespace in Kustomize overlays (kubectl from scripts/install-tools.mjs)", () => {
  it("points a kustomization's namespace: default at that line, and a resource's own at the resource", async () => {
    const cwd = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["default-namespace"]),
      "base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "base/deployment.yaml": deployment(""),
      "overlay/kustomization.yaml": "resources:\n  - ../base\nnamespace: default\n",
      "literal/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "literal/deployment.yaml": deployment("  namespace: default\n"),
    });
    const findings = await defaultNamespaceFindings(cwd);
    expect(findings.map((f) => `${f.file}:${f.region.startLine}:${f.region.startColumn} ${f.message}`)).toEqual([
      'literal/deployment.yaml:5:3 Deployment "web" is in the default namespace.',
      'overlay/kustomization.yaml:3:1 Deployment "web" is in the default namespace (namespace set by this kustomization).',
    ]);
    expect(findings.map((f) => f.provenance)).toEqual([null, { values: [], kustomize: { kind: "kustomization-namespace" } }]);
  });
});

describe.skipIf(!existsSync(tools.helm4))("the release namespace in a chart's RBAC subjects (helm from scripts/install-tools.mjs)", () => {
  it("names a subject written {{ .Release.Namespace }} as of the release namespace, not the namespace helm rendered into; a literal one by its namespace", async () => {
    const rbac = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
  - kind: ServiceAccount
    name: app
    namespace: {{ .Release.Namespace }}
  - kind: ServiceAccount
    name: deployer
    namespace: ci
`;
    const cwd = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["rbac-secret-read"]),
      "chart/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
      "chart/templates/rbac.yaml": rbac,
    });
    const result = await runCli(["lint", "chart", "--format", "json", "--fail-on", "none"], { cwd, env: toolsEnv() });
    expect(jsonFindings(result.stdout, "rbac-secret-read").map((f) => f.message)).toEqual([
      'Role "reader" can read every Secret in the release namespace; RoleBinding "reader" grants Role "reader" to ServiceAccount "app" of the release namespace, ServiceAccount "ci/deployer".',
    ]);
  });
});
