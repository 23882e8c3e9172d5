import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTROL_PLANE_RULES } from "../../../rules/control-plane/index.js";
import { activeRules, lintObjects } from "../../../src/engine/engine.js";
import { parseManifest } from "../../../src/manifest/parse.js";

const dir = path.resolve(import.meta.dirname, "../../../fixtures/control-plane");
const everyRuleOn = Object.fromEntries(CONTROL_PLANE_RULES.map((rule) => [rule.meta.id, { enabled: true }]));

/** `line ruleId` of every control-plane finding in one hand-written fixture. */
function findings(name: string): string[] {
  const objects = parseManifest(name, readFileSync(path.join(dir, name), "utf8")).objects;
  return lintObjects(objects, activeRules(CONTROL_PLANE_RULES, everyRuleOn)).map((finding) => `${finding.region.startLine} ${finding.ruleId}`);
}

describe("fixtures/control-plane: the findings a default install's files get", () => {
  it("the KubeletConfiguration kubeadm writes: kernel defaults, no pod PID limit, no default seccomp profile and a self-signed serving certificate, and no zero-duration false alarm", () => {
    expect(findings("kubelet-config.yaml")).toEqual([
      "30 kubelet-pod-pids-unlimited",
      "30 kubelet-protect-kernel-defaults",
      "30 kubelet-seccomp-default-disabled",
      "30 kubelet-server-certificate-not-rotated",
    ]);
  });

  it("a kubeadm config file: its ClusterConfiguration gets a default install's control-plane findings (at the kind, the defaults left as they are); kubeadm's defaults cover the kubelet's client CA and rotation; the read-only port is set by hand", () => {
    const atClusterConfiguration = [
      "apiserver-always-pull-images-missing",
      "apiserver-anonymous-auth-enabled",
      "apiserver-audit-log-path-missing",
      "apiserver-audit-policy-file-missing",
      "apiserver-deny-service-external-ips-missing",
      "apiserver-encryption-provider-config-missing",
      "apiserver-event-rate-limit-missing",
      "apiserver-image-policy-webhook-missing",
      "apiserver-kubelet-certificate-authority-missing",
      "apiserver-profiling-enabled",
      "controller-manager-profiling-enabled",
      "controller-manager-terminated-pod-gc-threshold-missing",
      "scheduler-profiling-enabled",
    ].map((id) => `9 ${id}`);
    expect(findings("kubeadm-config.yaml")).toEqual([
      ...atClusterConfiguration,
      "15 kubelet-pod-pids-unlimited",
      "15 kubelet-protect-kernel-defaults",
      "15 kubelet-seccomp-default-disabled",
      "18 kubelet-read-only-port",
    ]);
  });

  it("an EncryptionConfiguration after the documentation: aescbc, and its key in the file", () => {
    expect(findings("encryption-config.yaml")).toEqual(["10 encryption-weak-provider", "14 encryption-key-inline"]);
  });

  it("the documentation's example audit policy logs ConfigMap bodies in kube-system", () => {
    expect(findings("audit-policy.yaml")).toEqual(["38 audit-policy-logs-sensitive-bodies"]);
  });
});
