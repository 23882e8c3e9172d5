import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { ConfigError } from "../../src/config/model.js";
import { activeRules, lintObjects } from "../../src/engine/engine.js";
import { BUILT_IN_POD_TEMPLATE_KINDS } from "../../src/engine/workload.js";
import { parseManifest } from "../../src/manifest/parse.js";
import { BUILTIN_RULES } from "../../src/registry.js";

/** A workload whose container runs privileged on the host's network; the first two lines name its kind. */
function workload(apiVersion: string, kind: string, templatePath = "spec:\n  template:"): string {
  return `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
  namespace: shop
${templatePath}
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: true
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
`;
}

/**
 * Findings as `rule line:col message`, linted with the default rules and `configText` as .kubeward.yaml;
 * messages that name the object's kind say "Deployment", so kinds compare.
 */
function findings(text: string, configText = ""): string[] {
  const config = parseConfig(configText, ".kubeward.yaml", BUILTIN_RULES);
  const objects = parseManifest("w.yaml", text).objects;
  return lintObjects(objects, activeRules(BUILTIN_RULES, config.rules), { podTemplates: config.podTemplates }).map(
    (f) => `${f.ruleId} ${f.region.startLine}:${f.region.startColumn} ${f.message.replace(`${f.object?.kind} "web"`, 'Deployment "web"')}`,
  );
}

const deploymentFindings = findings(workload("apps/v1", "Deployment"));

describe("pod templates of custom resources", () => {
  it("the Deployment they are compared with is reported privileged and on the host network", () => {
    expect(deploymentFindings).toContain('privileged-container 16:13 container "web" runs privileged.');
    expect(deploymentFindings).toContain("host-network 11:7 the pod template shares the node's network namespace (hostNetwork: true).");
  });

  it.each([
    ["argoproj.io/v1alpha1", "Rollout"],
    ["apps.openshift.io/v1", "DeploymentConfig"],
    ["v1", "DeploymentConfig"],
    ["apps.kruise.io/v1alpha1", "CloneSet"],
    ["apps.kruise.io/v1beta1", "StatefulSet"],
    ["apps.kruise.io/v1alpha1", "DaemonSet"],
  ])("%s %s gets the Deployment's findings at the same lines", (apiVersion, kind) => {
    expect(findings(workload(apiVersion, kind))).toEqual(deploymentFindings);
  });

  it("a KEDA ScaledJob is read at spec.jobTargetRef.template.spec", () => {
    const text = workload("keda.sh/v1alpha1", "ScaledJob", "spec:\n  jobTargetRef:\n   template:").replace(/^ {4}/gm, "     ");
    expect(findings(text)).toContain('privileged-container 17:14 container "web" runs privileged.');
  });

  it("an Argo Rollout that points at a Deployment (workloadRef) has no pod spec to check", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web, namespace: shop}
spec:
  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
`;
    expect(findings(text)).toEqual([]);
  });

  it("a kind of the same name in another API group is not read as a workload", () => {
    expect(findings(workload("example.com/v1", "Rollout"))).toEqual([]);
    expect(findings(workload("example.com/v1", "Deployment"))).toEqual([]);
  });

  it("every built-in kind names its group, its kind and a path ending at the pod spec", () => {
    for (const entry of BUILT_IN_POD_TEMPLATE_KINDS) expect(entry.path.at(-1)).toBe("spec");
  });
});

describe("podTemplates in .kubeward.yaml", () => {
  const config = "podTemplates:\n  - kind: WebApp\n    group: example.com\n    path: spec.template.spec\n";

  it("a custom kind named in the config gets the Deployment's findings at the same lines", () => {
    const text = workload("example.com/v1", "WebApp");
    expect(findings(text)).toEqual([]);
    expect(findings(text, config)).toEqual(deploymentFindings);
  });

  it("reads the pod spec at the configured path", () => {
    const text = workload("example.com/v1", "Job2", "spec:\n  run:\n   template:").replace(/^ {4}/gm, "     ");
    const deep = "podTemplates:\n  - {kind: Job2, group: example.com, path: spec.run.template.spec}\n";
    expect(findings(text, deep)).toContain('privileged-container 17:14 container "web" runs privileged.');
  });

  it("names the core group with an empty group", () => {
    expect(findings(workload("v1", "Legacy"), "podTemplates:\n  - {kind: Legacy, group: '', path: spec.template.spec}\n")).toEqual(deploymentFindings);
  });

  it("a configured path wins over a built-in one", () => {
    const moved = workload("argoproj.io/v1alpha1", "Rollout", "spec:\n  next:\n   template:").replace(/^ {4}/gm, "     ");
    expect(findings(moved)).toEqual([]);
    const text = "podTemplates:\n  - {kind: Rollout, group: argoproj.io, path: spec.next.template.spec}\n";
    expect(findings(moved, text)).toContain('privileged-container 17:14 container "web" runs privileged.');
  });

  it.each([
    ["podTemplates: WebApp\n", ".kubeward.yaml:1:15: podTemplates must be a list of {kind, group, path}"],
    ["podTemplates:\n  - {kind: WebApp, path: spec.template.spec}\n", '.kubeward.yaml:2:5: a podTemplates entry needs group (the API group, the part of apiVersion before "/")'],
    ["podTemplates:\n  - {kind: WebApp, group: example.com, path: spec.template.spec, version: v1}\n", '.kubeward.yaml:2:75: unknown key "version" in a podTemplates entry; expected kind, group and path'],
    ["podTemplates:\n  - {kind: WebApp, group: example.com, path: 'spec.containers[0]'}\n", ".kubeward.yaml:2:46: podTemplates[].path must be mapping keys joined by dots"],
    ["podTemplates:\n  - {kind: WebApp, group: example.com, path: spec..spec}\n", ".kubeward.yaml:2:46: podTemplates[].path must be mapping keys joined by dots"],
    ["podTemplates:\n  - {kind: [WebApp], group: example.com, path: spec}\n", ".kubeward.yaml:2:12: podTemplates[].kind must be a string"],
    ["podTemplates:\n  - {kind: Deployment, group: apps, path: spec.template.spec}\n", '.kubeward.yaml:2:12: Deployment in the API group "apps" is a Kubernetes workload kubeward already reads'],
    [
      "podTemplates:\n  - {kind: WebApp, group: example.com, path: spec}\n  - {kind: WebApp, group: example.com, path: spec.template.spec}\n",
      '.kubeward.yaml:3:12: podTemplates names WebApp in the API group "example.com" twice',
    ],
  ])("refuses %j with the file, line and what to write", (text, message) => {
    let described = "";
    try {
      parseConfig(text, ".kubeward.yaml", BUILTIN_RULES);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      described = (error as ConfigError).describe();
    }
    expect(described).toContain(message);
  });
});
