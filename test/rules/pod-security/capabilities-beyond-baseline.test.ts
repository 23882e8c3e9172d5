import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/capabilities-beyond-baseline.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "only capabilities from the default set, and drops",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      securityContext:
        capabilities:
          drop: [ALL]
          add: [AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]
    - name: b
      image: a:1
      securityContext: {capabilities: {drop: [NET_RAW]}}
`,
    },
  ],
  invalid: [
    {
      name: "init, regular and ephemeral containers; names compared exactly",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      securityContext:
        capabilities:
          add: [CHOWN, SYS_ADMIN]
  containers:
    - name: web
      image: a:1
      securityContext:
        capabilities:
          add:
            - NET_BIND_SERVICE
            - NET_ADMIN
            - chown
            - CAP_KILL
  ephemeralContainers:
    - name: debug
      image: a:1
      securityContext: {capabilities: {add: [SYS_PTRACE]}}
`,
      errors: [
        { messageId: "addsCapability", data: { container: "init container \"setup\"", capability: "SYS_ADMIN" }, line: 10, column: 24, endLine: 10, endColumn: 33, message: 'init container "setup" adds capability SYS_ADMIN.' },
        { messageId: "addsCapability", data: { container: "container \"web\"", capability: "NET_ADMIN" }, line: 18, column: 15, endLine: 18, endColumn: 24, message: 'container "web" adds capability NET_ADMIN.' },
        { messageId: "addsMisspeltCapability", data: { container: "container \"web\"", capability: "chown", allowed: "CHOWN" }, line: 19, column: 15, endLine: 19, endColumn: 20, message: "adds capability chown (Pod Security Admission compares names exactly: write CHOWN)." },
        { messageId: "addsMisspeltCapability", data: { container: "container \"web\"", capability: "CAP_KILL", allowed: "KILL" }, line: 20, column: 15, endLine: 20, endColumn: 23, message: "write KILL" },
        { messageId: "addsCapability", data: { container: "ephemeral container \"debug\"", capability: "SYS_PTRACE" }, line: 24, column: 46, endLine: 24, endColumn: 56, message: 'ephemeral container "debug" adds capability SYS_PTRACE.' },
      ],
    },
    {
      name: "CronJob adding ALL",
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: a:1
              securityContext:
                capabilities:
                  add: ["ALL"]
`,
      errors: [{ messageId: "addsCapability", data: { container: "container \"job\"", capability: "ALL" }, line: 15, column: 25, endLine: 15, endColumn: 30, message: 'container "job" adds capability ALL.' }],
    },
  ],
});

it("capabilities-beyond-baseline reads wrongly typed capabilities as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - {name: a, image: a:1, securityContext: {capabilities: {add: SYS_ADMIN}}}
    - {name: b, image: a:1, securityContext: {capabilities: [SYS_ADMIN]}}
    - {name: c, image: a:1, securityContext: {capabilities: {add: [{name: SYS_ADMIN}, 7]}}}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
