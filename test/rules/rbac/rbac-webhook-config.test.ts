import rule from "../../../rules/rbac/rbac-webhook-config.js";
import { bindingsOf, everythingAndAggregated, grantedInNamespaceOnly, relatedOfBindings } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const PATCH_RULE = `  - apiGroups: [admissionregistration.k8s.io]
    resources: [mutatingwebhookconfigurations]
    verbs: [patch]
`;
const INJECTOR = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: injector}
rules:
${PATCH_RULE}`;
const injector = { role: 'ClusterRole "injector"', where: "in the cluster", who: "" };

testRule(rule, {
  valid: [
    {
      name: "reading admission objects, writing them in another API group, writing other admissionregistration resources",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: [admissionregistration.k8s.io]
    resources: [mutatingwebhookconfigurations, validatingwebhookconfigurations, validatingadmissionpolicies]
    verbs: [get, list, watch]
  - apiGroups: [example.com]
    resources: [mutatingwebhookconfigurations]
    verbs: [create, update]
  - apiGroups: [admissionregistration.k8s.io]
    resources: [validatingadmissionpolicies/status]
    verbs: [update]
`,
    },
    {
      name: "admission objects are cluster-scoped: a Role cannot grant them, nor can a ClusterRole that only a RoleBinding grants",
      yaml: grantedInNamespaceOnly("injector", PATCH_RULE),
    },
    {
      name: "resourceNames never narrows create, so a named rule with only create allows nothing",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: named-create}
rules:
  - apiGroups: [admissionregistration.k8s.io]
    resources: [validatingwebhookconfigurations]
    resourceNames: [mine]
    verbs: [create]
`,
    },
    { name: "a rule granting everything; an aggregated ClusterRole", yaml: everythingAndAggregated(PATCH_RULE) },
  ],
  invalid: [
    {
      name: "create, patch, delete and `*` on webhook configurations and admission policies, at the verb",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: injector}
rules:
  - apiGroups: [admissionregistration.k8s.io]
    resources: [mutatingwebhookconfigurations]
    verbs: [get, patch]
  - apiGroups: [admissionregistration.k8s.io]
    resources: [validatingadmissionpolicies, validatingadmissionpolicybindings]
    verbs: [delete]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: [create]
  - apiGroups: [admissionregistration.k8s.io]
    resources: [mutatingadmissionpolicies]
    verbs: ["*"]
`,
      errors: [
        {
          messageId: "controlsAdmission",
          data: injector,
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 23,
          message: 'ClusterRole "injector" can create, change or remove the admission webhooks and policies that check every object in the cluster.',
        },
        { messageId: "controlsAdmission", data: injector, line: 10, column: 13, endLine: 10, endColumn: 19 },
        { messageId: "controlsAdmission", data: injector, line: 13, column: 13, endLine: 13, endColumn: 19 },
        { messageId: "controlsAdmission", data: injector, line: 16, column: 13, endLine: 16, endColumn: 16 },
      ],
    },
    {
      name: "resourceNames narrows changes to the configurations named",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: injector}
rules:
  - apiGroups: [admissionregistration.k8s.io]
    resources: [validatingwebhookconfigurations]
    resourceNames: [my-operator-webhook]
    verbs: [create, update]
`,
      errors: [
        {
          messageId: "controlsAdmissionNamed",
          data: { ...injector, names: '"my-operator-webhook"' },
          line: 8,
          column: 21,
          endLine: 8,
          endColumn: 27,
          message: 'ClusterRole "injector" can change or remove the admission webhooks and policies "my-operator-webhook" in the cluster.',
        },
      ],
    },
    {
      name: "a ClusterRole held through a RoleBinding and a ClusterRoleBinding takes effect; both are related locations",
      yaml: INJECTOR + bindingsOf("injector", "mesh", true),
      errors: [
        {
          messageId: "controlsAdmission",
          data: { ...injector, who: "; 2 bindings grant it (related locations)" },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 18,
          related: relatedOfBindings("injector", "mesh", 7),
        },
      ],
    },
  ],
});
