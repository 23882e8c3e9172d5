import rule from "../../../rules/mesh/istio-workload-mtls-not-strict.js";
import { testRule, type ExpectedFinding, type ExpectedRelated, type InvalidCase, type ValidCase } from "../../helpers/rule-tester.js";

/** The workload every precedence case judges: pod template metadata on lines 6-7. */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: web:1}]
`;

/** A PeerAuthentication of a precedence case: mesh (istio-system), namespace (shop), or workload (selects app=web). */
interface Policy {
  level: "mesh" | "namespace" | "workload";
  mode: string;
  port?: string;
  version?: "v1" | "v1beta1";
}

/**
 * The case's YAML, and where each policy's modes are: the deployment, then one document per policy,
 * `mtls` on the 6th line of its document (column 10) and `portLevelMtls` on the 8th (its mode at column 26).
 */
function manifest(policies: readonly Policy[]): { yaml: string; modeAt: Array<{ line: number; portLine?: number }> } {
  let yaml = DEPLOYMENT;
  let line = DEPLOYMENT.split("\n").length; // the line the next `---` is on
  const modeAt: Array<{ line: number; portLine?: number }> = [];
  for (const [i, policy] of policies.entries()) {
    const namespace = policy.level === "mesh" ? "istio-system" : "shop";
    const lines = [
      "---",
      `apiVersion: security.istio.io/${policy.version ?? "v1"}`,
      "kind: PeerAuthentication",
      `metadata: {name: p${i}, namespace: ${namespace}}`,
      "spec:",
      `  mtls: {mode: ${policy.mode}}`,
      ...(policy.level === "workload" ? ["  selector: {matchLabels: {app: web}}"] : []),
      ...(policy.port ? [`  portLevelMtls: {8080: {mode: ${policy.port}}}`] : []),
    ];
    modeAt.push({ line: line + 5, ...(policy.port ? { portLine: line + 7 } : {}) });
    yaml += `${lines.join("\n")}\n`;
    line += lines.length;
  }
  return { yaml, modeAt };
}

const REACH = { mesh: "mesh-wide", namespace: "namespace-wide", workload: "for the workload" } as const;
const describe = (policies: readonly Policy[], i: number, mode: string, reach?: string): string => {
  const policy = policies[i];
  return `PeerAuthentication "${policy.level === "mesh" ? "istio-system" : "shop"}/p${i}" (${reach ?? REACH[policy.level]}) sets ${mode}`;
};

/** A precedence case: the policies, and the effective mode with the indexes of the policies that set it on the way (the last decided). */
interface Precedence {
  name: string;
  policies: Policy[];
  expect: { mode: "STRICT" } | { mode: "PERMISSIVE" | "DISABLE"; decidedBy: number[] } | { ports: "8080"; mode: string; by: number };
}

const PRECEDENCE: Precedence[] = [
  { name: "mesh STRICT", policies: [{ level: "mesh", mode: "STRICT" }], expect: { mode: "STRICT" } },
  { name: "mesh PERMISSIVE", policies: [{ level: "mesh", mode: "PERMISSIVE" }], expect: { mode: "PERMISSIVE", decidedBy: [0] } },
  { name: "namespace PERMISSIVE > mesh STRICT", policies: [{ level: "mesh", mode: "STRICT" }, { level: "namespace", mode: "PERMISSIVE" }], expect: { mode: "PERMISSIVE", decidedBy: [0, 1] } },
  { name: "namespace STRICT > mesh PERMISSIVE", policies: [{ level: "mesh", mode: "PERMISSIVE" }, { level: "namespace", mode: "STRICT" }], expect: { mode: "STRICT" } },
  { name: "namespace UNSET inherits mesh DISABLE", policies: [{ level: "mesh", mode: "DISABLE" }, { level: "namespace", mode: "UNSET", version: "v1beta1" }], expect: { mode: "DISABLE", decidedBy: [0] } },
  { name: "workload PERMISSIVE > namespace STRICT", policies: [{ level: "namespace", mode: "STRICT" }, { level: "workload", mode: "PERMISSIVE" }], expect: { mode: "PERMISSIVE", decidedBy: [0, 1] } },
  { name: "workload STRICT > namespace PERMISSIVE", policies: [{ level: "namespace", mode: "PERMISSIVE" }, { level: "workload", mode: "STRICT" }], expect: { mode: "STRICT" } },
  { name: "workload UNSET inherits namespace PERMISSIVE", policies: [{ level: "namespace", mode: "PERMISSIVE" }, { level: "workload", mode: "UNSET" }], expect: { mode: "PERMISSIVE", decidedBy: [0] } },
  { name: "port DISABLE > workload STRICT", policies: [{ level: "workload", mode: "STRICT", port: "DISABLE" }], expect: { ports: "8080", mode: "DISABLE", by: 0 } },
  { name: "port PERMISSIVE > workload UNSET > mesh STRICT", policies: [{ level: "mesh", mode: "STRICT" }, { level: "workload", mode: "UNSET", port: "PERMISSIVE", version: "v1beta1" }], expect: { ports: "8080", mode: "PERMISSIVE", by: 1 } },
  { name: "port UNSET inherits workload STRICT", policies: [{ level: "workload", mode: "STRICT", port: "UNSET" }], expect: { mode: "STRICT" } },
  { name: "port STRICT does not make a PERMISSIVE workload STRICT", policies: [{ level: "mesh", mode: "STRICT" }, { level: "workload", mode: "PERMISSIVE", port: "STRICT" }], expect: { mode: "PERMISSIVE", decidedBy: [0, 1] } },
];

const AT_TEMPLATE = { line: 6, column: 5, endLine: 6, endColumn: 14 };

function precedenceCase({ name, policies, expect }: Precedence): ValidCase | InvalidCase {
  const { yaml, modeAt } = manifest(policies);
  if ("decidedBy" in expect) {
    const last = expect.decidedBy[expect.decidedBy.length - 1];
    const related: ExpectedRelated[] = expect.decidedBy.map((i) => ({ line: modeAt[i].line, column: 10, message: `${describe(policies, i, policies[i].mode)}.` }));
    const error: ExpectedFinding = {
      messageId: "notStrict",
      data: { workload: 'Deployment "shop/web"', mode: expect.mode, why: describe(policies, last, expect.mode) },
      ...AT_TEMPLATE,
      related,
    };
    return { name: `precedence: ${name}`, yaml, errors: [error] };
  }
  if ("ports" in expect) {
    const why = describe(policies, expect.by, expect.mode, "for port 8080");
    const error: ExpectedFinding = {
      messageId: "portsNotStrict",
      data: { workload: 'Deployment "shop/web"', ports: "port 8080", why },
      ...AT_TEMPLATE,
      related: [{ line: modeAt[expect.by].portLine ?? 0, column: 26, message: `${why}.` }],
    };
    return { name: `precedence: ${name}`, yaml, errors: [error] };
  }
  return { name: `precedence: ${name}`, yaml };
}

const cases = PRECEDENCE.map(precedenceCase);
const isInvalid = (c: ValidCase | InvalidCase): c is InvalidCase => "errors" in c;

testRule(rule, {
  valid: [
    ...cases.filter((c) => !isInvalid(c)),
    {
      name: "no PeerAuthentication among the linted objects: not judged",
      yaml: DEPLOYMENT,
    },
    {
      name: "a workload policy that selects other pods, and a namespace policy of another namespace, do not apply",
      yaml: `${DEPLOYMENT}---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: db, namespace: shop}
spec: {mtls: {mode: PERMISSIVE}, selector: {matchLabels: {app: db}}}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: other}
spec: {mtls: {mode: DISABLE}}
`,
    },
    {
      name: "pods outside the sidecar mesh: hostNetwork, injection off by label, gateway pods",
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: shop}
spec: {mtls: {mode: PERMISSIVE}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  template:
    spec: {hostNetwork: true, containers: [{name: a, image: a}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: shop}
spec:
  template:
    metadata:
      labels: {sidecar.istio.io/inject: "false"}
    spec: {containers: [{name: m, image: m}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ingress, namespace: shop}
spec:
  template:
    metadata:
      annotations: {inject.istio.io/templates: gateway}
    spec: {containers: [{name: istio-proxy, image: auto}]}
`,
    },
  ],
  invalid: [
    ...cases.filter(isInvalid),
    {
      name: "no policy applies (only another namespace's): Istio's default PERMISSIVE, lowered to low, once per namespace",
      yaml: `${DEPLOYMENT}---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: other}
spec: {mtls: {mode: STRICT}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    spec: {containers: [{name: api, image: api}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: report, namespace: billing}
spec:
  template:
    metadata: {labels: {app: report}}
    spec: {containers: [{name: report, image: report}]}
`,
      errors: [
        {
          messageId: "notStrict",
          data: { workload: 'Deployment "shop/web"', mode: "PERMISSIVE", why: "no PeerAuthentication among the linted objects applies to it, and Istio's default is PERMISSIVE (reported for the first such workload of its namespace)" },
          ...AT_TEMPLATE,
          message: 'Deployment "shop/web" accepts plaintext connections: its effective mTLS mode is PERMISSIVE; no PeerAuthentication',
          related: [],
          severity: "low",
        },
        {
          messageId: "notStrict",
          data: { workload: 'Job "billing/report"', mode: "PERMISSIVE", why: "no PeerAuthentication among the linted objects applies to it, and Istio's default is PERMISSIVE (reported for the first such workload of its namespace)" },
          line: 28,
          column: 5,
          endLine: 28,
          endColumn: 38,
          severity: "low",
        },
      ],
    },
    {
      name: "an absent mtls inherits; a Pod's own metadata; a configured root namespace",
      options: { meshRootNamespace: "mesh" },
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  containers: [{name: web, image: web:1}]
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: mesh}
spec:
  mtls:
    mode: DISABLE
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
`,
      errors: [
        {
          messageId: "notStrict",
          data: { workload: 'Pod "shop/web"', mode: "DISABLE", why: 'PeerAuthentication "mesh/default" (mesh-wide) sets DISABLE' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 10,
          related: [{ line: 15, column: 5, message: 'PeerAuthentication "mesh/default" (mesh-wide) sets DISABLE.' }],
          severity: "medium",
        },
      ],
    },
    {
      name: "a chart's workload and policy in the release namespace match each other",
      originOf: () => ({ chart: "charts/shop", template: "templates/all.yaml", scope: "helm:charts/shop:default", releaseNamespace: true }),
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: web:1}]
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: default}
spec: {mtls: {mode: PERMISSIVE}}
`,
      errors: [
        {
          messageId: "notStrict",
          data: { workload: 'Deployment "web"', mode: "PERMISSIVE", why: 'PeerAuthentication "default" (namespace-wide) sets PERMISSIVE' },
          ...AT_TEMPLATE,
          related: [{ line: 14, column: 15, message: 'PeerAuthentication "default" (namespace-wide) sets PERMISSIVE.' }],
        },
      ],
    },
  ],
});
