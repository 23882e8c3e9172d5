import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTROL_PLANE_RULES } from "../../../rules/control-plane/index.js";
import { activeRules, lintObjects } from "../../../src/engine/engine.js";
import { parseManifest } from "../../../src/manifest/parse.js";

const dir = path.resolve(import.meta.dirname, "../../../fixtures/control-plane/kubeadm-default");
const files = ["kube-apiserver.yaml", "kube-controller-manager.yaml", "kube-scheduler.yaml", "etcd.yaml"];

/** `file:line rule` of every control-plane finding, with the rules' default settings (or every rule on). */
function findings(config: Record<string, { enabled: boolean }> = {}): string[] {
  const objects = files.flatMap((file) => parseManifest(file, readFileSync(path.join(dir, file), "utf8")).objects);
  return lintObjects(objects, activeRules(CONTROL_PLANE_RULES, config))
    .map((finding) => `${finding.file}:${finding.region.startLine} ${finding.ruleId}`)
    .sort();
}

// What the CIS Kubernetes Benchmark v1.10 finds on a default kubeadm install (kube-bench's FAIL and WARN on
// 1.2-1.4 and 2.x). Everything else kubeadm sets: Node,RBAC, NodeRestriction, the certificates and keys,
// loopback bind addresses, etcd's client and peer certificate auth.
const EXPECTED = [
  "kube-apiserver.yaml:13 apiserver-anonymous-auth-enabled", // 1.2.1 (manual): kubeadm leaves anonymous auth on
  "kube-apiserver.yaml:13 apiserver-audit-log-path-missing", // 1.2.16: no audit log (1.2.17-1.2.19 follow from it)
  "kube-apiserver.yaml:13 apiserver-audit-policy-file-missing", // 3.2.1: no audit policy
  "kube-apiserver.yaml:13 apiserver-encryption-provider-config-missing", // 1.2.27: Secrets unencrypted in etcd
  "kube-apiserver.yaml:13 apiserver-kubelet-certificate-authority-missing", // 1.2.5: kubelets serve self-signed certificates
  "kube-apiserver.yaml:13 apiserver-profiling-enabled", // 1.2.15
  "kube-controller-manager.yaml:11 controller-manager-profiling-enabled", // 1.3.2
  "kube-scheduler.yaml:11 scheduler-profiling-enabled", // 1.4.1
];

// The benchmark's manual checks, off by default, add these when turned on.
const MANUAL = [
  "kube-apiserver.yaml:19 apiserver-always-pull-images-missing", // 1.2.11, at --enable-admission-plugins=NodeRestriction
  "kube-apiserver.yaml:19 apiserver-deny-service-external-ips-missing", // 1.2.3
  "kube-apiserver.yaml:19 apiserver-event-rate-limit-missing", // 1.2.9
  "kube-apiserver.yaml:19 apiserver-image-policy-webhook-missing", // 5.5.1
  "kube-controller-manager.yaml:11 controller-manager-terminated-pod-gc-threshold-missing", // 1.3.1
];

describe("a default kubeadm control plane", () => {
  it("has exactly the findings the CIS benchmark expects", () => {
    expect(findings()).toEqual(EXPECTED);
  });

  it("adds the benchmark's manual checks when every rule is on", () => {
    const everyRule = Object.fromEntries(CONTROL_PLANE_RULES.map((rule) => [rule.meta.id, { enabled: true }]));
    expect(findings(everyRule)).toEqual([...EXPECTED, ...MANUAL].sort());
  });
});
