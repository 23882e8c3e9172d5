import { describe, expect, it } from "vitest";
import rule from "../../../rules/pod-security/seccomp-profile-missing.js";
import seccompUnconfined from "../../../rules/pod-security/seccomp-unconfined.js";
import { testRule, ownFindings } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "pod-level RuntimeDefault covers init, regular and ephemeral containers that do not set one",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seccompProfile: {type: RuntimeDefault}
  initContainers:
    - name: setup
      image: a:1
  containers:
    - name: web
      image: a:1
  ephemeralContainers:
    - name: debug
      image: a:1
`,
    },
    {
      name: "every container sets its own profile and the pod is silent",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: web
          image: a:1
          securityContext:
            seccompProfile:
              type: Localhost
              localhostProfile: profiles/web.json
        - name: sidecar
          image: a:1
          securityContext:
            seccompProfile: {type: RuntimeDefault}
`,
    },
    {
      name: "Unconfined is left to the baseline rule seccomp-unconfined",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seccompProfile: {type: Unconfined}
  containers:
    - name: a
      image: a:1
    - name: b
      image: a:1
      securityContext:
        seccompProfile: {type: Unconfined}
`,
    },
    {
      name: "any other profile type is also left to seccomp-unconfined, so it is reported once",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seccompProfile:
      type: runtime/default
  containers:
    - name: a
      image: a:1
      securityContext:
        seccompProfile: {type: Default}
    - name: b
      image: a:1
`,
    },
    {
      name: "Windows pods are exempt (seccomp is Linux-only)",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  containers:
    - name: iis
      image: iis:1
`,
    },
  ],
  invalid: [
    {
      name: "set nowhere: one finding at the pod level naming every container",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
  containers:
    - name: web
      image: a:1
`,
      errors: [{ messageId: "missingEverywhere", data: { containers: "init container \"setup\" and container \"web\"", runs: "run", pod: "the pod" }, line: 4, column: 1, endLine: 4, endColumn: 6, message: 'init container "setup" and container "web" run without a seccomp profile' }],
    },
    {
      name: "set nowhere, pod securityContext present: the finding points into it",
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: job
              image: a:1
`,
      errors: [{ messageId: "missingEverywhere", data: { containers: "container \"job\"", runs: "runs", pod: "the pod template" }, line: 10, column: 11, endLine: 10, endColumn: 27, message: 'container "job" runs without a seccomp profile' }],
    },
    {
      name: "only some containers set one and the pod does not: one finding per container",
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec:
  template:
    spec:
      containers:
        - name: db
          image: a:1
          securityContext:
            seccompProfile: {type: RuntimeDefault}
        - name: exporter
          image: a:1
          securityContext:
            runAsNonRoot: true
`,
      errors: [{ messageId: "missingForContainer", data: { container: "container \"exporter\"", pod: "the pod template" }, line: 14, column: 11, endLine: 14, endColumn: 27, message: 'container "exporter" runs without a seccomp profile: neither it nor the pod template sets' }],
    },
  ],
});

describe("seccomp-profile-missing on wrongly typed input", () => {
  it("reads a seccompProfile that is not a mapping as unset", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seccompProfile: RuntimeDefault
  containers:
    - name: a
      image: a:1
      securityContext:
        seccompProfile: {type: [RuntimeDefault]}
`;
    expect(ownFindings(rule, yaml)).toEqual([
      [6, 5, 'container "a" runs without a seccomp profile: neither the pod nor any container sets seccompProfile.type.'],
    ]);
  });
});

describe("seccomp-profile-missing with seccomp-unconfined", () => {
  it("reports each container's bad or missing profile exactly once across the two rules", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: unconfined
      image: a:1
      securityContext:
        seccompProfile: {type: Unconfined}
    - name: misspelt
      image: a:1
      securityContext:
        seccompProfile: {type: runtime/default}
    - name: missing
      image: a:1
      securityContext:
        runAsNonRoot: true
    - name: fine
      image: a:1
      securityContext:
        seccompProfile: {type: RuntimeDefault}
`;
    const reported = [...ownFindings(rule, yaml), ...ownFindings(seccompUnconfined, yaml)].map(([line, column]) => `${line}:${column}`);
    expect(reported.sort()).toEqual(["13:26", "16:7", "9:26"]);
  });
});
