import rule from "../../../rules/rbac/rbac-persistent-volume-create.js";
import { bindingsOf, everythingAndAggregated, grantedInNamespaceOnly, relatedOfBindings } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const CREATE_RULE = `  - apiGroups: [""]
    resources: [persistentvolumes]
    verbs: [create]
`;
const PROVISIONER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: provisioner}
rules:
${CREATE_RULE}`;
const provisioner = { role: 'ClusterRole "provisioner"', where: "in the cluster", who: "" };

testRule(rule, {
  valid: [
    {
      name: "reading and deleting volumes, creating claims, creating persistentvolumes of another API group",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: [""]
    resources: [persistentvolumes]
    verbs: [get, list, watch, delete]
  - apiGroups: [""]
    resources: [persistentvolumeclaims]
    verbs: [create]
  - apiGroups: [example.com]
    resources: [persistentvolumes]
    verbs: [create]
`,
    },
    {
      name: "PersistentVolumes are cluster-scoped: a Role cannot grant them, nor can a ClusterRole that only a RoleBinding grants",
      yaml: grantedInNamespaceOnly("provisioner", CREATE_RULE),
    },
    {
      name: "resourceNames never narrows create, so a named rule allows nothing",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: named}
rules:
  - apiGroups: [""]
    resources: [persistentvolumes]
    resourceNames: [data]
    verbs: [create]
`,
    },
    { name: "a rule granting everything; an aggregated ClusterRole", yaml: everythingAndAggregated(CREATE_RULE) },
  ],
  invalid: [
    {
      name: "create, `*` verbs and `*` resources, at the verb",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: provisioner}
rules:
  - apiGroups: [""]
    resources: [persistentvolumes, persistentvolumeclaims]
    verbs: [get, create]
  - apiGroups: [""]
    resources: [persistentvolumes]
    verbs: ["*"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: [create]
`,
      errors: [
        {
          messageId: "createsVolumes",
          data: provisioner,
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 24,
          message: "ClusterRole \"provisioner\" can create hostPath PersistentVolumes over any of the node's files, past Pod Security Admission, in the cluster.",
        },
        { messageId: "createsVolumes", data: provisioner, line: 10, column: 13, endLine: 10, endColumn: 16 },
        { messageId: "createsVolumes", data: provisioner, line: 13, column: 13, endLine: 13, endColumn: 19 },
      ],
    },
    {
      name: "a ClusterRole held through a RoleBinding and a ClusterRoleBinding takes effect; both are related locations",
      yaml: PROVISIONER + bindingsOf("provisioner", "storage", true),
      errors: [
        {
          messageId: "createsVolumes",
          data: { ...provisioner, who: "; 2 bindings grant it (related locations)" },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 19,
          related: relatedOfBindings("provisioner", "storage", 7),
        },
      ],
    },
  ],
});
