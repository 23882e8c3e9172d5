// Writes a synthetic corpus: FILES files of OBJECTS_PER_FILE workload objects each, a mix of kinds and risks,
// with a ServiceAccount per five workloads, an RBAC object per five workloads (Roles, ClusterRoles, some
// aggregated, and the RoleBindings and ClusterRoleBindings that bind the accounts), a network or mesh object per
// five workloads (Services, NetworkPolicies, Ingresses, Istio PeerAuthentications, AuthorizationPolicies and
// DestinationRules), and the team Namespaces, every other one with a default-deny NetworkPolicy.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** @type {Array<[apiVersion: string, kind: string, wrap: (pod: string) => string]>} */
const KINDS = [
  ["apps/v1", "Deployment", (pod) => `spec:\n  replicas: 2\n  selector:\n    matchLabels: {app: APP}\n  template:\n${indent(pod, 4)}`],
  ["apps/v1", "StatefulSet", (pod) => `spec:\n  serviceName: APP\n  selector:\n    matchLabels: {app: APP}\n  template:\n${indent(pod, 4)}`],
  ["apps/v1", "DaemonSet", (pod) => `spec:\n  selector:\n    matchLabels: {app: APP}\n  template:\n${indent(pod, 4)}`],
  ["batch/v1", "CronJob", (pod) => `spec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n${indent(pod, 8)}`],
  ["v1", "Pod", (pod) => pod.replace(/^metadata:\n(.*\n)*?(?=spec:)/m, "")],
];

/**
 * @param {string} text
 * @param {number} spaces
 */
function indent(text, spaces) {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => (line ? pad + line : line))
    .join("\n");
}

/**
 * The ServiceAccount workload `i` runs as: one per five workloads, so accounts, and the bindings that
 * name each, grow with the corpus as they do in real clusters.
 * @param {number} i
 */
function accountOf(i) {
  return `app-${Math.floor(i / 5)}`;
}

const TEAMS = 25;

/** @param {number} team */
function namespaceDoc(team) {
  const labels = [
    [],
    ["pod-security.kubernetes.io/enforce: restricted"],
    ["pod-security.kubernetes.io/enforce: privileged"],
    ["pod-security.kubernetes.io/enforce: baseline", "pod-security.kubernetes.io/enforce-version: v1.24", "pod-security.kubernetes.io/warn: restricted"],
  ][team % 4];
  const block = labels.length ? `\n  labels:\n${labels.map((label) => `    ${label}`).join("\n")}` : "";
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-${team}${block}\n`;
}

/**
 * A ClusterRole per team that aggregates the ClusterRoles labelled for it, and the RoleBinding that grants it.
 * @param {number} team
 */
function aggregatorDocs(team) {
  return [
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: team-${team}-aggregate\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels: {rbac.example.com/aggregate-to-team-${team}: "true"}\nrules: []\n`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: team-${team}-aggregate\n  namespace: team-${team}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: team-${team}-aggregate}\nsubjects:\n  - {kind: Group, name: team-${team}-admins, apiGroup: rbac.authorization.k8s.io}\n`,
  ];
}

/**
 * The RBAC objects of file `f`, one per five workloads: by turns a Role and its RoleBinding, a ClusterRole
 * aggregated into its team's, a RoleBinding of it, a ClusterRole aggregated into the built-in view role and
 * its ClusterRoleBinding. Every binding names one of the file's ServiceAccounts; some roles read Secrets.
 * @param {number} f
 * @param {number} first the index of the file's first workload
 * @param {number} count how many RBAC objects
 */
function rbacDocs(f, first, count) {
  const team = f % TEAMS;
  const docs = [];
  for (let k = 0; k < count; k++) {
    const turn = (f * count + k) % 6;
    const account = accountOf(first + k * 5);
    const name = `rbac-${f}-${k}`;
    const resources = turn % 3 === 0 && f % 4 === 0 ? "[configmaps, secrets]" : "[configmaps, pods]";
    const rules = `rules:\n  - apiGroups: [""]\n    resources: ${resources}\n    verbs: [get, list, watch]\n`;
    const subject = `subjects:\n  - {kind: ServiceAccount, name: ${account}, namespace: team-${team}}\n`;
    const head = (kind, namespaced) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ${name}${namespaced ? `\n  namespace: team-${team}` : ""}`;
    // Each binding grants the role written just before it, in the same file.
    const previous = `rbac-${f}-${k - 1}`;
    docs.push(
      [
        `${head("Role", true)}\n${rules}`,
        `${head("RoleBinding", true)}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ${previous}}\n${subject}`,
        `${head("ClusterRole", false)}\n  labels: {rbac.example.com/aggregate-to-team-${team}: "true"}\n${rules}`,
        `${head("RoleBinding", true)}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${previous}}\n${subject}`,
        `${head("ClusterRole", false)}\n  labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}\n${rules}`,
        `${head("ClusterRoleBinding", false)}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${previous}}\n${subject}`,
      ][turn],
    );
  }
  return docs;
}

/** Every other team's namespace denies all traffic unless a policy allows it. @param {number} team */
function defaultDenyDocs(team) {
  if (team % 2) return [];
  return [`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: team-${team}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`];
}

/**
 * The network and mesh objects of file `f`, one per five workloads, by turns: a Service (ClusterIP, NodePort or
 * LoadBalancer) of a workload, a NetworkPolicy admitting its team's ingress namespace to it, an Ingress, an Istio
 * PeerAuthentication (PERMISSIVE on some workloads), an AuthorizationPolicy and a DestinationRule toward the Service.
 * @param {number} f
 * @param {number} first the index of the file's first workload
 * @param {number} count how many objects
 */
function networkDocs(f, first, count) {
  const namespace = `team-${f % TEAMS}`;
  const docs = [];
  for (let k = 0; k < count; k++) {
    const app = `app-${first + k * 5}`;
    const name = `net-${f}-${k}`;
    const head = (apiVersion, kind) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n`;
    const type = ["ClusterIP", "NodePort", "LoadBalancer"][f % 3];
    docs.push(
      [
        `${head("v1", "Service")}spec:\n  type: ${type}\n  selector: {app: ${app}}\n  ports:\n    - {port: 80, targetPort: 8080}\n`,
        `${head("networking.k8s.io/v1", "NetworkPolicy")}spec:\n  podSelector:\n    matchLabels: {app: ${app}}\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels: {kubernetes.io/metadata.name: ingress}\n      ports:\n        - {port: 8080, protocol: TCP}\n`,
        `${head("networking.k8s.io/v1", "Ingress")}spec:\n  rules:\n    - host: ${app}.example.com\n      http:\n        paths:\n          - {path: /, pathType: Prefix, backend: {service: {name: ${app}, port: {number: 80}}}}\n`,
        `${head("security.istio.io/v1", "PeerAuthentication")}spec:\n  selector:\n    matchLabels: {app: ${app}}\n  mtls: {mode: ${k % 2 ? "PERMISSIVE" : "STRICT"}}\n`,
        `${head("security.istio.io/v1", "AuthorizationPolicy")}spec:\n  selector:\n    matchLabels: {app: ${app}}\n  rules:\n    - from:\n        - source: {principals: ["cluster.local/ns/${namespace}/sa/frontend"]}\n      to:\n        - operation: {methods: [GET]}\n`,
        `${head("networking.istio.io/v1", "DestinationRule")}spec:\n  host: ${app}.${namespace}.svc.cluster.local\n  trafficPolicy:\n    tls: {mode: ${k % 4 ? "ISTIO_MUTUAL" : "DISABLE"}}\n`,
      ][(f * count + k) % 6],
    );
  }
  return docs;
}

/** @param {number} i */
function podTemplate(i) {
  const risky = i % 3 === 0;
  return `metadata:
  labels: {app: APP, tier: backend}
spec:
  serviceAccountName: ${accountOf(i)}
  securityContext:
    runAsNonRoot: ${risky ? "false" : "true"}
    seccompProfile: {type: RuntimeDefault}
  initContainers:
    - name: migrate
      image: registry.example.com:5000/tools/migrate:${i}.0
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
  containers:
    - name: app
      image: ${risky ? "nginx" : `ghcr.io/example/app:1.${i}`}
      ports:
        - containerPort: 8080
          ${risky ? "hostPort: 8080" : "protocol: TCP"}
      env:
        - {name: LOG_LEVEL, value: info}
        - {name: REGION, value: eu-west-1}
      securityContext:
        privileged: ${risky}
        allowPrivilegeEscalation: ${risky}
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
          add: [${risky ? "SYS_ADMIN" : "NET_BIND_SERVICE"}]
      resources:
        requests: {cpu: 100m, memory: 128Mi}
        limits: {cpu: 500m, memory: 256Mi}
      livenessProbe: {httpGet: {path: /healthz, port: 8080}}
      readinessProbe: {httpGet: {path: /ready, port: 8080}}
  volumes:
    - name: cache
      emptyDir: {}
`;
}

/**
 * Generates the corpus into `dir` and returns its size, and its objects by kind.
 * @param {string} dir
 * @param {number} files
 * @param {number} objectsPerFile
 */
export function generateCorpus(dir, files, objectsPerFile) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let objects = 0;
  /** @type {Record<string, number>} */
  const kinds = {};
  for (let f = 0; f < files; f++) {
    const docs = f < TEAMS ? [namespaceDoc(f), ...aggregatorDocs(f), ...defaultDenyDocs(f)] : [];
    const first = f * objectsPerFile;
    for (let o = 0; o < objectsPerFile; o++) {
      const i = first + o;
      const [apiVersion, kind, wrap] = KINDS[i % KINDS.length];
      const name = `app-${i}`;
      const body = wrap(podTemplate(i)).replaceAll("APP", name);
      docs.push(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: team-${f % TEAMS}\n${body}`);
      if (i % 5 === 0) docs.push(`apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${accountOf(i)}\n  namespace: team-${f % TEAMS}\n`);
    }
    docs.push(...rbacDocs(f, first, Math.ceil(objectsPerFile / 5)));
    docs.push(...networkDocs(f, first, Math.ceil(objectsPerFile / 5)));
    objects += docs.length;
    for (const [, kind] of docs.join("\n").matchAll(/^kind: (\S+)$/gm)) kinds[kind] = (kinds[kind] ?? 0) + 1;
    const text = docs.join("---\n");
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, `service-${String(f).padStart(4, "0")}.yaml`), text);
  }
  return { files, objects, bytes, kinds };
}

/** One Deployment of the corpus, alone: the small file of the start-up case. */
export function startupManifest() {
  const [apiVersion, kind, wrap] = KINDS[0];
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: app-0\n  namespace: team-0\n${wrap(podTemplate(0)).replaceAll("APP", "app-0")}`;
}
