import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/apparmor-unconfined.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "RuntimeDefault, Localhost, and allowed annotation values",
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/a: runtime/default
    container.apparmor.security.beta.kubernetes.io/b: localhost/my-profile
    container.apparmor.security.beta.kubernetes.io/c: ""
spec:
  securityContext:
    appArmorProfile: {type: RuntimeDefault}
  containers:
    - name: a
      image: a:1
      securityContext:
        appArmorProfile: {type: Localhost, localhostProfile: my-profile}
`,
    },
  ],
  invalid: [
    {
      name: "Pod: annotation, pod level and container level each judged",
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/web: unconfined
    container.apparmor.security.beta.kubernetes.io/sidecar: runtime/default
    container.apparmor.security.beta.kubernetes.io/tool: localhost/my-profile
spec:
  securityContext:
    appArmorProfile:
      type: Unconfined
  containers:
    - name: web
      image: a:1
    - name: sidecar
      image: a:1
      securityContext:
        appArmorProfile: {type: RuntimeDefault}
    - name: tool
      image: a:1
      securityContext:
        appArmorProfile: {type: Unconfined}
`,
      errors: [
        { messageId: "forbiddenAnnotation", data: { annotation: "container.apparmor.security.beta.kubernetes.io/web", value: "unconfined", containerName: "web" }, line: 6, column: 5, endLine: 6, endColumn: 67,
          message: 'annotation container.apparmor.security.beta.kubernetes.io/web sets AppArmor profile "unconfined" for container "web".' },
        { messageId: "forbiddenType", data: { who: "the pod", value: "Unconfined", inheritance: " (inherited by container \"web\")" }, line: 12, column: 7, endLine: 12, endColumn: 23, message: 'the pod sets AppArmor profile type Unconfined (inherited by container "web").' },
        { messageId: "forbiddenType", data: { who: "container \"tool\"", value: "Unconfined", inheritance: "" }, line: 23, column: 27, endLine: 23, endColumn: 43, message: 'container "tool" sets AppArmor profile type Unconfined.' },
      ],
    },
    {
      name: "Deployment: template annotations count, the Deployment's own do not",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: "unconfined"
    spec:
      containers: [{name: app, image: a:1}]
`,
      errors: [{ messageId: "forbiddenAnnotation", data: { annotation: "container.apparmor.security.beta.kubernetes.io/app", value: "unconfined", containerName: "app" }, line: 11, column: 9, endLine: 11, endColumn: 73, message: 'for container "app"' }],
    },
  ],
});

it("apparmor-unconfined reads wrongly typed profiles and annotations as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations: "container.apparmor.security.beta.kubernetes.io/a: unconfined"
spec:
  securityContext: {appArmorProfile: Unconfined}
  containers:
    - {name: a, image: a:1, securityContext: {appArmorProfile: {type: [Unconfined]}}}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
