import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/selinux-custom-options.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "allowed types, a level, and empty user and role",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seLinuxOptions: {type: container_t, level: "s0:c1,c2", user: "", role: ""}
  containers:
    - {name: a, image: a:1, securityContext: {seLinuxOptions: {type: container_init_t}}}
    - {name: b, image: a:1, securityContext: {seLinuxOptions: {type: container_kvm_t}}}
    - {name: c, image: a:1, securityContext: {seLinuxOptions: {type: container_engine_t}}}
    - {name: d, image: a:1, securityContext: {seLinuxOptions: {type: ""}}}
`,
    },
  ],
  invalid: [
    {
      name: "pod-level type and user, container-level role; a container's own options replace the pod's",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seLinuxOptions:
      type: spc_t
      user: system_u
  initContainers:
    - name: setup
      image: a:1
      securityContext:
        seLinuxOptions: {level: "s0:c1,c2"}
  containers:
    - name: web
      image: a:1
    - name: db
      image: a:1
      securityContext:
        seLinuxOptions:
          type: container_t
          role: sysadm_r
`,
      errors: [
        { messageId: "customType", data: { who: "the pod", value: "spc_t", inheritance: " (inherited by container \"web\")" }, line: 7, column: 7, endLine: 7, endColumn: 18, message: 'the pod sets SELinux type spc_t (inherited by container "web").' },
        { messageId: "customUser", data: { who: "the pod", value: "system_u", inheritance: " (inherited by container \"web\")" }, line: 8, column: 7, endLine: 8, endColumn: 21, message: 'the pod sets SELinux user system_u (inherited by container "web").' },
        { messageId: "customRole", data: { who: "container \"db\"", value: "sysadm_r", inheritance: "" }, line: 22, column: 11, endLine: 22, endColumn: 25, message: 'container "db" sets SELinux role sysadm_r.' },
      ],
    },
    {
      name: "ReplicaSet container",
      yaml: `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: r}
spec:
  template:
    spec:
      containers:
        - name: app
          image: a:1
          securityContext:
            seLinuxOptions: {type: unconfined_t}
`,
      errors: [{ messageId: "customType", data: { who: "container \"app\"", value: "unconfined_t", inheritance: "" }, line: 11, column: 30, endLine: 11, endColumn: 48, message: 'container "app" sets SELinux type unconfined_t.' }],
    },
  ],
});

it("selinux-custom-options reads wrongly typed options as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {seLinuxOptions: spc_t}
  containers:
    - {name: a, image: a:1, securityContext: {seLinuxOptions: {type: [spc_t], user: 0}}}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
