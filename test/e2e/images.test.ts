import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { jsonFindings, onlyRulesConfig, runCli, removeTempDirs, tempDir, tools, toolsEnv, where, type JsonFinding } from "./cli-harness.js";

afterAll(removeTempDirs);

const ALLOW_ACME = { "image-registry-not-allowed": "{options: {allowedRegistries: [ghcr.io/acme]}}" };

async function lint(cwd: string, args: string[] = ["."]): Promise<JsonFinding[]> {
  const result = await runCli(["lint", "--format", "json", "--fail-on", "none", ...args], { cwd, env: toolsEnv() });
  expect(result.stderr).not.toMatch(/internal error|error:/i);
  return jsonFindings(result.stdout);
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: web
          image: nginx:1.27
`;

describe.skipIf(!existsSync(tools.kubectl))("image rules on a Kustomize build", () => {
  it("reports an image an images: entry set at that entry, and an init container's at the resource", async () => {
    const dir = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["image-registry-not-allowed"], "", ALLOW_ACME),
      "base/kustomization.yaml": "resources: [deployment.yaml]\n",
      "base/deployment.yaml": DEPLOYMENT,
      "prod/kustomization.yaml": "resources: [../base]\nimages:\n  - name: nginx\n    newName: quay.io/evil/nginx\n",
    });
    const findings = await lint(dir, ["prod"]);
    expect(where(findings)).toEqual(["base/deployment.yaml:11:11 image-registry-not-allowed", "prod/kustomization.yaml:4:5 image-registry-not-allowed"]);
    const web = findings.find((f) => f.message.includes('container "web"'));
    expect(web?.message).toContain('image "quay.io/evil/nginx:1.27" (quay.io/evil/nginx) is not from a registry in allowedRegistries');
    expect(web?.provenance?.kustomize).toEqual({ kind: "images-entry", name: "nginx", newName: "quay.io/evil/nginx" });
    expect(findings[0].message).toContain('init container "setup" image "busybox:1.36"');
  });

  it("reports a digest an images: entry set at its digest: line", async () => {
    const dir = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["image-digest-malformed", "image-not-pinned-by-digest"]),
      "kustomization.yaml": "resources: [deployment.yaml]\nimages:\n  - name: nginx\n    digest: sha256:abc123\n",
      "deployment.yaml": DEPLOYMENT,
    });
    const findings = await lint(dir);
    expect(where(findings)).toEqual(["deployment.yaml:11:11 image-not-pinned-by-digest", "kustomization.yaml:4:5 image-digest-malformed"]);
  });

  it("reports an IP registry an images: entry set at its newName: line, lowered to low", async () => {
    const dir = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["image-registry-insecure"]),
      "kustomization.yaml": "resources: [deployment.yaml]\nimages:\n  - name: busybox\n    newName: 10.0.0.5:5000/busybox\n",
      "deployment.yaml": DEPLOYMENT,
    });
    const findings = await lint(dir);
    expect(where(findings)).toEqual(["kustomization.yaml:4:5 image-registry-insecure"]);
    expect(findings[0]).toMatchObject({ severity: "low", message: expect.stringContaining('init container "setup" image "10.0.0.5:5000/busybox:1.36" comes from registry "10.0.0.5:5000"') as string });
  });
});

describe.skipIf(!existsSync(tools.helm4))("image rules on a Helm chart", () => {
  it("reports an image built from values in init and regular containers, naming the values keys", async () => {
    const dir = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["image-registry-not-allowed"], "", ALLOW_ACME),
      "chart/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
      "chart/values.yaml": "image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: \"7.2\"\ninitImage: ghcr.io/acme/setup:1\n",
      "chart/templates/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: {name: {{ .Release.Name }}}
spec:
  selector: {matchLabels: {app: redis}}
  template:
    metadata: {labels: {app: redis}}
    spec:
      initContainers:
        - name: setup
          image: {{ .Values.initImage }}
      containers:
        - name: redis
          image: "{{ .Values.image.registry }}/{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`,
    });
    const findings = await lint(dir, ["chart"]);
    expect(where(findings)).toEqual(["chart/templates/deployment.yaml:14:11 image-registry-not-allowed"]);
    expect(findings[0].message).toContain('container "redis" image "docker.io/bitnami/redis:7.2" (docker.io/bitnami/redis)');
    expect(findings[0].provenance?.values.map((value) => value.key)).toEqual(["image.registry", "image.repository", "image.tag"]);

    const init = await lint(dir, ["chart", "--set", "initImage=quay.io/evil/setup:1"]);
    expect(init.find((f) => f.message.includes('init container "setup"'))?.provenance?.values).toEqual([expect.objectContaining({ key: "initImage", fromSetArgument: true })]);
  });
});

describe("severity of image-not-pinned-by-digest", () => {
  it("is low by default and raised by the config, as a production config would", async () => {
    const files = { "pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: ghcr.io/acme/a:1}]\n" };
    const low = await lint(tempDir({ ...files, ".kubeward.yaml": onlyRulesConfig(["image-not-pinned-by-digest"]) }));
    const high = await lint(tempDir({ ...files, ".kubeward.yaml": onlyRulesConfig(["image-not-pinned-by-digest"], "", { "image-not-pinned-by-digest": "high" }) }));
    expect([low.map((f) => f.severity), high.map((f) => f.severity)]).toEqual([["low"], ["high"]]);
  });
});
