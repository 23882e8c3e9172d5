import { describe, expect, it } from "vitest";
import rule from "../../../rules/pod-security/capabilities-added.js";
import beyondBaseline from "../../../rules/pod-security/capabilities-beyond-baseline.js";
import { testRule, ownFindings } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "adding only NET_BIND_SERVICE",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: a:1
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`,
    },
    {
      name: "capabilities outside the baseline set are left to capabilities-beyond-baseline",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: net
      image: a:1
      securityContext:
        capabilities:
          add: [SYS_ADMIN, NET_RAW, CAP_CHOWN, chown, CAP_NET_BIND_SERVICE]
`,
    },
    {
      name: "Windows pods are exempt (capabilities are Linux-only)",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  containers:
    - name: iis
      image: iis:1
      securityContext:
        capabilities: {add: [CHOWN]}
`,
    },
  ],
  invalid: [
    {
      name: "baseline-default capabilities other than NET_BIND_SERVICE, each at its list item",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: a:1
      securityContext:
        capabilities:
          drop: [ALL]
          add:
            - NET_BIND_SERVICE
            - CHOWN
            - SYS_ADMIN
            - SETUID
`,
      errors: [
        { messageId: "addsCapability", data: { container: "container \"web\"", capability: "CHOWN" }, line: 13, column: 15, endLine: 13, endColumn: 20, message: 'container "web" adds capability CHOWN; the restricted profile allows adding only NET_BIND_SERVICE.' },
        { messageId: "addsCapability", data: { container: "container \"web\"", capability: "SETUID" }, line: 15, column: 15, endLine: 15, endColumn: 21, message: 'container "web" adds capability SETUID' },
      ],
    },
    {
      name: "init and ephemeral containers of a Job",
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      initContainers:
        - name: fix-perms
          image: a:1
          securityContext:
            capabilities: {add: [DAC_OVERRIDE, FOWNER]}
      containers:
        - name: job
          image: a:1
      ephemeralContainers:
        - name: debug
          image: a:1
          securityContext:
            capabilities: {add: [KILL]}
`,
      errors: [
        { messageId: "addsCapability", data: { container: "init container \"fix-perms\"", capability: "DAC_OVERRIDE" }, line: 11, column: 34, endLine: 11, endColumn: 46, message: 'init container "fix-perms" adds capability DAC_OVERRIDE' },
        { messageId: "addsCapability", data: { container: "init container \"fix-perms\"", capability: "FOWNER" }, line: 11, column: 48, endLine: 11, endColumn: 54, message: 'init container "fix-perms" adds capability FOWNER' },
        { messageId: "addsCapability", data: { container: "ephemeral container \"debug\"", capability: "KILL" }, line: 19, column: 34, endLine: 19, endColumn: 38, message: 'ephemeral container "debug" adds capability KILL' },
      ],
    },
  ],
});

describe("capabilities-added on wrongly typed input", () => {
  it("skips an add that is not a list and items that are not strings, keeping item positions", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      securityContext:
        capabilities: {add: CHOWN}
    - name: b
      image: a:1
      securityContext:
        capabilities: {add: [7, MKNOD]}
`;
    expect(ownFindings(rule, yaml)).toEqual([[13, 33, 'container "b" adds capability MKNOD; the restricted profile allows adding only NET_BIND_SERVICE.']]);
  });
});

describe("capabilities-added with capabilities-beyond-baseline", () => {
  it("reports each forbidden added capability exactly once across the two rules", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: a:1
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE, CHOWN, SYS_ADMIN, CAP_KILL, NET_RAW, SETGID]
`;
    const reported = [...ownFindings(rule, yaml), ...ownFindings(beyondBaseline, yaml)].map(([line, column]) => `${line}:${column}`);
    // CHOWN, SYS_ADMIN, CAP_KILL, NET_RAW and SETGID: one finding each, none for NET_BIND_SERVICE.
    expect(reported.sort()).toEqual(["11:35", "11:42", "11:53", "11:63", "11:72"]);
  });
});
