import { defineRule, arrayOf, describePod, recordOf, podSpecOf } from "../../src/engine/api.js";

/**
 * Sysctls the baseline profile allows: namespaced per pod and isolated from other pods. Pod Security
 * Admission accepts tcp_rmem and tcp_wmem from policy version 1.32, although the PSS page does not list them yet.
 */
const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
]);

export default defineRule({
  meta: {
    id: "unsafe-sysctls",
    title: "Pod sets a sysctl outside the safe set",
    severity: "high",
    category: "pod-security",
    rationale:
      "A sysctl that is not namespaced, or not isolated between pods, changes the kernel for every workload on the node " +
      "and can switch off security mechanisms. The Pod Security Standards baseline profile allows only the safe set: " +
      "kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, " +
      "net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, " +
      "net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes, and (from Kubernetes 1.32) net.ipv4.tcp_rmem and net.ipv4.tcp_wmem.",
    remediation:
      "Remove the entry from `spec.securityContext.sysctls`; tune node-wide kernel settings on the nodes themselves " +
      "(node configuration or a dedicated, privileged tuning agent) instead of from application pods.",
    frameworks: [
      { framework: "PSS", control: "baseline/sysctls" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
    ],
    equivalents: { kubeLinter: ["unsafe-sysctls"], trivy: ["KSV026"] },
    messages: { unsafeSysctl: "{{pod}} sets sysctl {{sysctl}}, which is not in the safe set." },
    example: {
      bad: "spec:\n  securityContext:\n    sysctls:\n      - name: kernel.msgmax\n        value: \"65536\"",
      good: "spec:\n  securityContext:\n    sysctls:\n      - name: net.ipv4.ip_local_port_range\n        value: \"32768 60999\"",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const [index, sysctl] of arrayOf(pod.securityContext.sysctls).entries()) {
      const { name } = recordOf(sysctl);
      if (typeof name !== "string" || SAFE_SYSCTLS.has(name)) continue;
      yield {
        path: [...pod.path, "securityContext", "sysctls", index, "name"],
        messageId: "unsafeSysctl",
        data: { pod: describePod(pod), sysctl: name },
      };
    }
  },
});
