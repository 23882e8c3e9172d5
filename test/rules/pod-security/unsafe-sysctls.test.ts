import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/unsafe-sysctls.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "every sysctl in the safe set",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    sysctls:
      - {name: kernel.shm_rmid_forced, value: "1"}
      - {name: net.ipv4.ip_local_port_range, value: "32768 60999"}
      - {name: net.ipv4.ip_unprivileged_port_start, value: "80"}
      - {name: net.ipv4.tcp_syncookies, value: "1"}
      - {name: net.ipv4.ping_group_range, value: "0 2147483647"}
      - {name: net.ipv4.ip_local_reserved_ports, value: "30000-30100"}
      - {name: net.ipv4.tcp_keepalive_time, value: "600"}
      - {name: net.ipv4.tcp_fin_timeout, value: "30"}
      - {name: net.ipv4.tcp_keepalive_intvl, value: "60"}
      - {name: net.ipv4.tcp_keepalive_probes, value: "5"}
      - {name: net.ipv4.tcp_rmem, value: "4096 87380 16777216"}
      - {name: net.ipv4.tcp_wmem, value: "4096 65536 16777216"}
  containers: [{name: a, image: a:1}]
`,
    },
  ],
  invalid: [
    {
      name: "one finding per unsafe sysctl",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    sysctls:
      - name: kernel.msgmax
        value: "65536"
      - name: net.ipv4.tcp_syncookies
        value: "1"
      - {name: net.core.somaxconn, value: "1024"}
  containers: [{name: a, image: a:1}]
`,
      errors: [
        { messageId: "unsafeSysctl", data: { pod: "the pod", sysctl: "kernel.msgmax" }, line: 7, column: 9, endLine: 7, endColumn: 28, message: "the pod sets sysctl kernel.msgmax, which is not in the safe set." },
        { messageId: "unsafeSysctl", data: { pod: "the pod", sysctl: "net.core.somaxconn" }, line: 11, column: 10, endLine: 11, endColumn: 34, message: "net.core.somaxconn" },
      ],
    },
    {
      name: "StatefulSet template, Windows pods included",
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec:
  template:
    spec:
      os: {name: windows}
      securityContext:
        sysctls: [{name: vm.max_map_count, value: "262144"}]
      containers: [{name: a, image: a:1}]
`,
      errors: [{ messageId: "unsafeSysctl", data: { pod: "the pod template", sysctl: "vm.max_map_count" }, line: 9, column: 20, endLine: 9, endColumn: 42, message: "the pod template sets sysctl vm.max_map_count" }],
    },
  ],
});

it("unsafe-sysctls reads wrongly typed sysctls as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    sysctls:
      - kernel.msgmax=65536
      - {name: [kernel.msgmax]}
  containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: q}
spec:
  securityContext: {sysctls: {kernel.msgmax: "65536"}}
  containers: [{name: a, image: a:1}]
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
