import { defineRule, isEmptySelector, isRecord, recordOf } from "../../src/engine/api.js";
import { describeObject, GATEWAY_LISTENERS, listenersOf } from "./exposure.js";

export default defineRule({
  meta: {
    id: "gateway-routes-from-all-namespaces",
    title: "Gateway listener accepts Routes from every namespace",
    severity: "medium",
    category: "network",
    rationale:
      "A Gateway API listener's (a Gateway's or a ListenerSet's) `allowedRoutes.namespaces` says which namespaces' Routes may attach to it; the default is `Same`, the " +
      "Gateway's own namespace. With `from: All`, or `from: Selector` with an empty selector (which matches every namespace), anyone " +
      "who can create an HTTPRoute in any namespace can attach it to the listener and receive its traffic: claim a hostname or a path " +
      "of the shared Gateway, or catch requests meant for another team. The Gateway API's role model gives this decision to the " +
      "cluster operator who owns the Gateway, and `All` hands it to every namespace.",
    remediation:
      "Use `from: Same`, or `from: Selector` with a label that only the namespaces meant to publish through this listener carry " +
      "(for example `kubernetes.io/metadata.name` in a list). Where the Gateway is deliberately shared by every namespace, restrict " +
      "who may create Routes with RBAC, and suppress the finding with that reason.",
    frameworks: [
      { framework: "NSA-CISA", control: "network/namespaces" },
      { framework: "MITRE-ATT&CK", control: "T1557" },
    ],
    equivalents: {},
    messages: {
      fromAll: '{{gateway}} listener "{{listener}}" accepts Routes from all namespaces, so any namespace can take traffic from it.',
      emptySelector: '{{gateway}} listener "{{listener}}" accepts Routes from namespaces selected by an empty selector, which is every namespace.',
    },
    example: {
      bad: "kind: Gateway\nspec:\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n      allowedRoutes:\n        namespaces:\n          from: All",
      good:
        "kind: Gateway\nspec:\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n      allowedRoutes:\n        namespaces:\n" +
        "          from: Selector\n          selector:\n            matchLabels: {shared-gateway-access: \"true\"}",
    },
  },
  appliesTo: GATEWAY_LISTENERS,
  *check(object) {
    for (const { index, listener, name } of listenersOf(object)) {
      const namespaces = recordOf(recordOf(listener.allowedRoutes).namespaces);
      const path = ["spec", "listeners", index, "allowedRoutes", "namespaces"];
      const data = { gateway: describeObject(object), listener: name };
      if (namespaces.from === "All") yield { path: [...path, "from"], messageId: "fromAll", data };
      else if (namespaces.from === "Selector" && isRecord(namespaces.selector) && isEmptySelector(namespaces.selector)) yield { path: [...path, "selector"], messageId: "emptySelector", data };
    }
  },
});
