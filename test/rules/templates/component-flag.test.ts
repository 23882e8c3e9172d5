import { componentFlagRule, type FlagRequirement } from "../../../rules/templates/component-flag.js";
import { testRule } from "../../helpers/rule-tester.js";

// Rules made from the template the control-plane rules use; ids and texts are the test's own.
const flagRule = (id: string, flag: string, requirement: FlagRequirement, expected: string, boolean = false) =>
  componentFlagRule({
    component: "kube-apiserver",
    flag,
    boolean,
    requirement,
    expected,
    meta: {
      id,
      title: `kube-apiserver --${flag}`,
      severity: "high",
      category: "workload",
      rationale: "Test rule made from the component-flag template.",
      remediation: `Set --${flag}.`,
      frameworks: [],
      equivalents: {},
    },
  });

const apiServer = (command: string, args = ""): string => `apiVersion: v1
kind: Pod
metadata: {name: kube-apiserver, namespace: kube-system}
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.33.0
      command:
        - /usr/local/bin/kube-apiserver
${command}${args}`;

testRule(flagRule("anonymous-auth-test", "anonymous-auth", { kind: "equals", value: "false", unset: "fails" }, "false", true), {
  valid: [
    { name: "set to false", yaml: apiServer("        - --anonymous-auth=false\n") },
    { name: "another program's flags are not read", yaml: apiServer("        - --anonymous-auth=true\n").replace("/usr/local/bin/kube-apiserver", "etcd") },
    { name: "the last occurrence wins", yaml: apiServer("        - --anonymous-auth=true\n        - --anonymous-auth=false\n") },
  ],
  invalid: [
    {
      name: "set to true",
      yaml: apiServer("        - --secure-port=6443\n        - --anonymous-auth=true\n"),
      errors: [{ messageId: "wrongValue", data: { container: 'container "kube-apiserver"', value: "true" }, line: 11, column: 11, endLine: 11, endColumn: 32, message: "--anonymous-auth=true; it should be false." }],
    },
    {
      name: "a bare boolean flag is true, and the next item is not its value",
      yaml: apiServer("        - --anonymous-auth\n        - other\n"),
      errors: [{ messageId: "wrongValue", data: { container: 'container "kube-apiserver"', value: "true" }, line: 10, column: 11, endLine: 10, endColumn: 27 }],
    },
    {
      name: "absent, and the default is unsafe",
      yaml: apiServer("        - --secure-port=6443\n"),
      errors: [{ messageId: "missing", data: { container: 'container "kube-apiserver"' }, line: 8, column: 7, endLine: 8, endColumn: 15, message: "runs kube-apiserver without --anonymous-auth" }],
    },
  ],
});

testRule(flagRule("authorization-mode-test", "authorization-mode", { kind: "listExcludes", item: "AlwaysAllow", unset: "passes" }, "a list without AlwaysAllow"), {
  valid: [
    { name: "absent", yaml: apiServer("        - --secure-port=6443\n") },
    { name: "Node,RBAC", yaml: apiServer("        - --authorization-mode=Node,RBAC\n") },
  ],
  invalid: [
    {
      name: "AlwaysAllow in the list, value as the next item, in args",
      yaml: apiServer("", "      args:\n        - --authorization-mode\n        - RBAC,AlwaysAllow\n"),
      errors: [{ messageId: "wrongValue", data: { container: 'container "kube-apiserver"', value: "RBAC,AlwaysAllow" }, line: 11, column: 11, endLine: 11, endColumn: 31 }],
    },
  ],
});

testRule(flagRule("audit-log-maxage-test", "audit-log-maxage", { kind: "atLeast", minimum: 30, unset: "fails" }, "30 or more"), {
  valid: [{ name: "30 days", yaml: apiServer("        - --audit-log-maxage=30\n") }],
  invalid: [
    {
      name: "7 days",
      yaml: apiServer("        - --audit-log-maxage=7\n"),
      errors: [{ messageId: "wrongValue", data: { container: 'container "kube-apiserver"', value: "7" }, line: 10, column: 11, endLine: 10, endColumn: 31 }],
    },
    {
      name: "absent from a container that has args: reported at args",
      yaml: apiServer("", "      args: [--secure-port=6443]\n"),
      errors: [{ messageId: "missing", data: { container: 'container "kube-apiserver"' }, line: 10, column: 7, endLine: 10, endColumn: 33 }],
    },
  ],
});
