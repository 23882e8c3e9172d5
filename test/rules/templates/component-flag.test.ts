import { componentFlagRule, type ComponentFlag, type FlagRequirement } from "../../../rules/templates/component-flag.js";
import { testRule } from "../../helpers/rule-tester.js";

// Rules made from the template the control-plane rules use; ids and texts are the test's own.
const flagRule = (id: string, flag: string, requirement: FlagRequirement, expected: string, extra: Partial<ComponentFlag> = {}) =>
  componentFlagRule({
    component: "kube-apiserver",
    flag,
    requirement,
    expected,
    ...extra,
    meta: { id, title: `kube-apiserver --${flag}`, severity: "high", rationale: "Test rule made from the component-flag template.", remediation: `Set --${flag}.`, frameworks: [], equivalents: {} },
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

const container = 'container "kube-apiserver"';

testRule(flagRule("anonymous-auth-test", "anonymous-auth", { kind: "equals", value: "false", unset: "fails" }, "false", { boolean: true }), {
  valid: [
    { name: "--flag=value", yaml: apiServer("        - --anonymous-auth=false\n") },
    { name: "another program's flags are not read", yaml: apiServer("        - --anonymous-auth=true\n").replace("/usr/local/bin/kube-apiserver", "etcd") },
    { name: "a repeated flag: the last occurrence wins", yaml: apiServer("        - --anonymous-auth=true\n        - --anonymous-auth=false\n") },
    { name: "in args after command", yaml: apiServer("", "      args:\n        - --anonymous-auth=false\n") },
  ],
  invalid: [
    {
      name: "set to true",
      yaml: apiServer("        - --secure-port=6443\n        - --anonymous-auth=true\n"),
      errors: [{ messageId: "wrongValue", data: { where: container, value: "true", fix: "set --anonymous-auth=false" }, line: 11, column: 11, endLine: 11, endColumn: 32, message: "--anonymous-auth=true; it should be false: set --anonymous-auth=false." }],
    },
    {
      name: "a bare boolean flag is true, and the next item is not its value",
      yaml: apiServer("        - --anonymous-auth\n        - other\n"),
      errors: [{ messageId: "wrongValue", data: { where: container, value: "true", fix: "set --anonymous-auth=false" }, line: 10, column: 11, endLine: 10, endColumn: 27 }],
    },
    {
      name: "flags after -- are arguments, not flags",
      yaml: apiServer("        - --\n        - --anonymous-auth=false\n"),
      errors: [{ messageId: "missing", data: { where: container, fix: "--anonymous-auth=false" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "absent, and the default is unsafe",
      yaml: apiServer("        - --secure-port=6443\n"),
      errors: [{ messageId: "missing", data: { where: container, fix: "--anonymous-auth=false" }, line: 8, column: 7, endLine: 8, endColumn: 15, message: "runs without --anonymous-auth; it should be false: add --anonymous-auth=false." }],
    },
    {
      name: "v1beta3 extraArgs: the key",
      yaml: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    anonymous-auth: "true"\n',
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "true", fix: 'set anonymous-auth: "false" under apiServer.extraArgs' }, line: 5, column: 5, endLine: 5, endColumn: 27 }],
    },
    {
      name: "v1beta4 extraArgs: duplicates are sorted by value, and the greatest wins",
      yaml: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    - name: anonymous-auth\n      value: "true"\n    - name: anonymous-auth\n      value: "false"\n',
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "true", fix: 'set {name: anonymous-auth, value: "false"} under apiServer.extraArgs' }, line: 6, column: 7, endLine: 6, endColumn: 20 }],
    },
    {
      name: "a ClusterConfiguration without an apiServer section: at its kind",
      yaml: "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nclusterName: prod\n",
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration apiServer.extraArgs", fix: '{name: anonymous-auth, value: "false"} under apiServer.extraArgs' }, line: 2, column: 1, endLine: 2, endColumn: 27 }],
    },
  ],
});

testRule(flagRule("authorization-mode-test", "authorization-mode", { kind: "listExcludes", item: "AlwaysAllow", unset: "passes" }, "a list without AlwaysAllow", { skipWith: "authorization-config" }), {
  valid: [
    { name: "absent", yaml: apiServer("        - --secure-port=6443\n") },
    { name: "Node,RBAC", yaml: apiServer("        - --authorization-mode=Node,RBAC\n") },
    { name: "a structured authorization config replaces the flag", yaml: apiServer("        - --authorization-config=/etc/kubernetes/authz.yaml\n        - --authorization-mode=AlwaysAllow\n") },
  ],
  invalid: [
    {
      name: "AlwaysAllow in the list, value as the next item, in args",
      yaml: apiServer("", "      args:\n        - --authorization-mode\n        - RBAC,AlwaysAllow\n"),
      errors: [{ messageId: "wrongValue", data: { where: container, value: "RBAC,AlwaysAllow", fix: "set --authorization-mode=RBAC" }, line: 11, column: 11, endLine: 11, endColumn: 31 }],
    },
    {
      name: "a repeated list flag adds to the list: the earlier item that holds AlwaysAllow is reported",
      yaml: apiServer("        - --authorization-mode=Node,AlwaysAllow\n        - --authorization-mode=RBAC\n"),
      errors: [{ messageId: "wrongValue", data: { where: container, value: "Node,AlwaysAllow", fix: "set --authorization-mode=Node,RBAC" }, line: 10, column: 11, endLine: 10, endColumn: 48 }],
    },
  ],
});

testRule(flagRule("admission-test", "enable-admission-plugins", { kind: "listIncludes", item: "NodeRestriction" }, "a list that includes NodeRestriction"), {
  valid: [
    { name: "comma list", yaml: apiServer("        - --enable-admission-plugins=PodSecurity,NodeRestriction\n") },
    { name: "repeated flags accumulate", yaml: apiServer("        - --enable-admission-plugins=NodeRestriction\n        - --enable-admission-plugins=PodSecurity\n") },
    { name: "kubeadm's default counts as set", yaml: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\napiServer:\n  extraArgs: {}\n" },
  ],
  invalid: [
    {
      name: "the list lacks it: the last occurrence, where it would be added",
      yaml: apiServer("        - --enable-admission-plugins=PodSecurity\n        - --enable-admission-plugins=AlwaysPullImages\n"),
      errors: [{ messageId: "wrongValue", data: { where: container, value: "PodSecurity,AlwaysPullImages", fix: "set --enable-admission-plugins=PodSecurity,AlwaysPullImages,NodeRestriction" }, line: 11, column: 11, endLine: 11, endColumn: 54 }],
    },
    {
      name: "extraArgs replace kubeadm's default",
      yaml: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    enable-admission-plugins: "PodSecurity"\n',
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "PodSecurity", fix: 'set enable-admission-plugins: "PodSecurity,NodeRestriction" under apiServer.extraArgs' }, line: 5, column: 5, endLine: 5, endColumn: 44 }],
    },
    {
      name: "absent",
      yaml: apiServer("        - --secure-port=6443\n"),
      errors: [{ messageId: "missing", data: { where: container, fix: "--enable-admission-plugins=NodeRestriction" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});

testRule(flagRule("feature-gate-test", "feature-gates", { kind: "gateNotFalse", gate: "RotateKubeletServerCertificate" }, "without RotateKubeletServerCertificate=false"), {
  valid: [
    { name: "a later flag turns it back on", yaml: apiServer("        - --feature-gates=RotateKubeletServerCertificate=false\n        - --feature-gates=RotateKubeletServerCertificate=true\n") },
    { name: "repeated flags merge: another gate does not reset it", yaml: apiServer("        - --feature-gates=RotateKubeletServerCertificate=true\n        - --feature-gates=Other=false\n") },
  ],
  invalid: [
    {
      name: "an earlier false is kept when a later flag sets other gates",
      yaml: apiServer("        - --feature-gates=A=true, RotateKubeletServerCertificate=False\n        - --feature-gates=B=true\n"),
      errors: [{ messageId: "wrongValue", data: { where: container, value: "A=true, RotateKubeletServerCertificate=False", fix: "set --feature-gates=RotateKubeletServerCertificate=true" }, line: 10, column: 11, endLine: 10, endColumn: 71 }],
    },
  ],
});

testRule(flagRule("audit-maxage-test", "audit-log-maxage", { kind: "atLeast", minimum: 30, unset: "fails" }, "30 or more", { onlyWithFile: "audit-log-path" }), {
  valid: [
    { name: "30 days", yaml: apiServer("        - --audit-log-path=/var/log/audit.log\n        - --audit-log-maxage=30\n") },
    { name: "no audit log file: not looked at", yaml: apiServer("        - --secure-port=6443\n") },
    { name: "the audit log goes to stdout: not looked at", yaml: apiServer("        - --audit-log-path=-\n") },
  ],
  invalid: [
    {
      name: "7 days",
      yaml: apiServer("        - --audit-log-path=/var/log/audit.log\n        - --audit-log-maxage=7\n"),
      errors: [{ messageId: "wrongValue", data: { where: container, value: "7", fix: "set --audit-log-maxage=30" }, line: 11, column: 11, endLine: 11, endColumn: 31 }],
    },
    {
      name: "absent from a container that has args: reported at args",
      yaml: apiServer("", "      args: [--audit-log-path=/var/log/audit.log]\n"),
      errors: [{ messageId: "missing", data: { where: container, fix: "--audit-log-maxage=30" }, line: 10, column: 7, endLine: 10, endColumn: 50 }],
    },
  ],
});
