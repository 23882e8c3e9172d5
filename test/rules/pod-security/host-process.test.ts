import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/host-process.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "hostProcess false or unset",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  securityContext:
    windowsOptions: {hostProcess: false, runAsUserName: ContainerUser}
  containers:
    - name: a
      image: a:1
      securityContext:
        windowsOptions: {hostProcess: false}
    - name: b
      image: a:1
`,
    },
  ],
  invalid: [
    {
      name: "pod level, inherited key by key, plus an init container of its own",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
  initContainers:
    - name: setup
      image: a:1
      securityContext:
        windowsOptions: {hostProcess: true}
  containers:
    - name: a
      image: a:1
    - name: b
      image: a:1
      securityContext:
        windowsOptions: {runAsUserName: ContainerUser}
    - name: c
      image: a:1
      securityContext:
        windowsOptions: {hostProcess: false}
`,
      errors: [
        { messageId: "hostProcess", data: { who: "the pod", inheritance: " (inherited by container \"a\", container \"b\")" }, line: 9, column: 7, endLine: 9, endColumn: 24, message: 'the pod sets windowsOptions.hostProcess: true (inherited by container "a", container "b");' },
        { messageId: "hostProcess", data: { who: "init container \"setup\"", inheritance: "" }, line: 14, column: 26, endLine: 14, endColumn: 43, message: 'init container "setup" sets windowsOptions.hostProcess: true;' },
      ],
    },
    {
      name: "Deployment container, and a pod-level value every container overrides",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      securityContext:
        windowsOptions: {hostProcess: true}
      containers:
        - name: agent
          image: a:1
          securityContext:
            windowsOptions:
              hostProcess: true
`,
      errors: [
        { messageId: "hostProcess", data: { who: "the pod template", inheritance: " (every container sets its own, but the pod-level value is itself forbidden)" }, line: 8, column: 26, endLine: 8, endColumn: 43, message: "the pod template sets windowsOptions.hostProcess: true (every container sets its own" },
        { messageId: "hostProcess", data: { who: "container \"agent\"", inheritance: "" }, line: 14, column: 15, endLine: 14, endColumn: 32, message: 'container "agent"' },
      ],
    },
  ],
});

it("host-process reads a wrongly typed hostProcess as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {windowsOptions: {hostProcess: "true"}}
  containers:
    - {name: a, image: a:1, securityContext: {windowsOptions: yes-please}}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
