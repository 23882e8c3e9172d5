import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/seccomp-unconfined.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "RuntimeDefault, Localhost or unset",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seccompProfile: {type: RuntimeDefault}
  containers:
    - {name: a, image: a:1, securityContext: {seccompProfile: {type: Localhost, localhostProfile: profiles/a.json}}}
    - {name: b, image: a:1}
`,
    },
  ],
  invalid: [
    {
      name: "pod level inherited by one container, and a container of its own",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
  initContainers:
    - name: setup
      image: a:1
      securityContext:
        seccompProfile: {type: RuntimeDefault}
  containers:
    - name: web
      image: a:1
    - name: tool
      image: a:1
      securityContext:
        seccompProfile:
          type: Unconfined
`,
      errors: [
        { messageId: "forbiddenType", data: { who: "the pod", value: "Unconfined", inheritance: " (inherited by container \"web\")" }, line: 7, column: 7, endLine: 7, endColumn: 23, message: 'the pod sets seccomp profile type Unconfined (inherited by container "web").' },
        { messageId: "forbiddenType", data: { who: "container \"tool\"", value: "Unconfined", inheritance: "" }, line: 20, column: 11, endLine: 20, endColumn: 27, message: 'container "tool" sets seccomp profile type Unconfined.' },
      ],
    },
    {
      name: "a pod-level Unconfined is forbidden even when every container overrides it, on Windows too",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      os: {name: windows}
      securityContext:
        seccompProfile: {type: Unconfined}
      containers:
        - name: app
          image: a:1
          securityContext:
            seccompProfile: {type: RuntimeDefault}
`,
      errors: [
        { messageId: "forbiddenType", data: { who: "the pod template", value: "Unconfined", inheritance: " (every container sets its own, but the pod-level value is itself forbidden)" }, line: 9, column: 26, endLine: 9, endColumn: 42,
          message:
            "the pod template sets seccomp profile type Unconfined (every container sets its own, but the pod-level value is itself forbidden)." },
      ],
    },
  ],
});

it("seccomp-unconfined reads a wrongly typed profile as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {seccompProfile: Unconfined}
  containers:
    - {name: a, image: a:1, securityContext: {seccompProfile: {type: [Unconfined]}}}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
