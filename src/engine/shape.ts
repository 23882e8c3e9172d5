import type { K8sObject, Path, PathSegment } from "../core/types.js";
import { formatPath, isRecord } from "../core/json.js";
import { podSpecPathOf } from "./workload.js";
import { isAuditPolicy, isEncryptionConfiguration, isKubeletConfiguration, isKubeProxyConfiguration } from "./config-kinds.js";

/**
 * The expected type of a field, for the fields rules read. Rules treat a wrongly typed value as
 * absent (so they never crash); this check says so out loud, since the API server would refuse it.
 */
type Shape =
  | { type: "string" | "boolean" | "integer" | "quantity" | "intOrString" }
  /** `otherFields`: the shape of every field not named, as in a volume, whose one other key is its source. */
  | { type: "mapping"; fields: ReadonlyMap<string, Shape>; otherFields?: Shape }
  | { type: "map"; values: Shape }
  | { type: "list"; items: Shape };

const string: Shape = { type: "string" };
const boolean: Shape = { type: "boolean" };
const integer: Shape = { type: "integer" };
/** A resource quantity: a string such as `500m` or `1Gi`, or a plain number. */
const quantity: Shape = { type: "quantity" };
/** An IntOrString, such as a NetworkPolicy port: a number or a name. */
const intOrString: Shape = { type: "intOrString" };
const mapping = (fields: Record<string, Shape> = {}, otherFields?: Shape): Shape => ({ type: "mapping", fields: new Map(Object.entries(fields)), otherFields });
const mapOf = (values: Shape): Shape => ({ type: "map", values });
const listOf = (items: Shape): Shape => ({ type: "list", items });

const OBJECT_METADATA = mapping({
  name: string,
  generateName: string,
  namespace: string,
  labels: mapOf(string),
  annotations: mapOf(string),
});

const SECCOMP_PROFILE = mapping({ type: string, localhostProfile: string });
const SE_LINUX_OPTIONS = mapping({ user: string, role: string, type: string, level: string });
const WINDOWS_OPTIONS = mapping({ gmsaCredentialSpecName: string, gmsaCredentialSpec: string, runAsUserName: string, hostProcess: boolean });

const POD_SECURITY_CONTEXT = mapping({
  runAsUser: integer,
  runAsGroup: integer,
  runAsNonRoot: boolean,
  fsGroup: integer,
  supplementalGroups: listOf(integer),
  sysctls: listOf(mapping({ name: string, value: string })),
  seccompProfile: SECCOMP_PROFILE,
  appArmorProfile: SECCOMP_PROFILE,
  seLinuxOptions: SE_LINUX_OPTIONS,
  windowsOptions: WINDOWS_OPTIONS,
});

const CONTAINER_SECURITY_CONTEXT = mapping({
  privileged: boolean,
  allowPrivilegeEscalation: boolean,
  readOnlyRootFilesystem: boolean,
  runAsNonRoot: boolean,
  runAsUser: integer,
  runAsGroup: integer,
  procMount: string,
  capabilities: mapping({ add: listOf(string), drop: listOf(string) }),
  seccompProfile: SECCOMP_PROFILE,
  appArmorProfile: SECCOMP_PROFILE,
  seLinuxOptions: SE_LINUX_OPTIONS,
  windowsOptions: WINDOWS_OPTIONS,
});

/** A probe or lifecycle hook: the fields that say where it connects. */
const HANDLER = mapping({ httpGet: mapping({ host: string }), tcpSocket: mapping({ host: string }) });
const RESOURCES = mapping({ limits: mapOf(quantity), requests: mapOf(quantity) });

const CONTAINER = mapping({
  name: string,
  image: string,
  imagePullPolicy: string,
  command: listOf(string),
  args: listOf(string),
  ports: listOf(mapping({ name: string, containerPort: integer, hostPort: integer, hostIP: string, protocol: string })),
  env: listOf(mapping({ name: string, value: string, valueFrom: mapping({ secretKeyRef: mapping({ name: string, key: string }) }) })),
  envFrom: listOf(mapping({ secretRef: mapping({ name: string }) })),
  volumeMounts: listOf(mapping({ name: string, mountPath: string, readOnly: boolean, subPath: string })),
  resources: RESOURCES,
  livenessProbe: HANDLER,
  readinessProbe: HANDLER,
  startupProbe: HANDLER,
  lifecycle: mapping({ postStart: HANDLER, preStop: HANDLER }),
  restartPolicy: string,
  securityContext: CONTAINER_SECURITY_CONTEXT,
});

const POD_SPEC = mapping({
  containers: listOf(CONTAINER),
  initContainers: listOf(CONTAINER),
  ephemeralContainers: listOf(CONTAINER),
  volumes: listOf(
    mapping({ name: string, hostPath: mapping({ path: string, type: string }), projected: mapping({ sources: listOf(mapping({ serviceAccountToken: mapping() }, mapping())) }) }, mapping()),
  ),
  securityContext: POD_SECURITY_CONTEXT,
  hostNetwork: boolean,
  hostPID: boolean,
  hostIPC: boolean,
  hostUsers: boolean,
  shareProcessNamespace: boolean,
  automountServiceAccountToken: boolean,
  serviceAccountName: string,
  serviceAccount: string,
  restartPolicy: string,
  resources: RESOURCES,
  nodeSelector: mapOf(string),
  os: mapping({ name: string }),
});

/** A Role's or ClusterRole's fields the RBAC rules read. */
const ROLE = mapping({
  rules: listOf(mapping({ apiGroups: listOf(string), resources: listOf(string), verbs: listOf(string), resourceNames: listOf(string) })),
  aggregationRule: mapping(),
});

const LABEL_SELECTOR = mapping({
  matchLabels: mapOf(string),
  matchExpressions: listOf(mapping({ key: string, operator: string, values: listOf(string) })),
});

const NETWORK_POLICY_PEER = mapping({ podSelector: LABEL_SELECTOR, namespaceSelector: LABEL_SELECTOR, ipBlock: mapping({ cidr: string, except: listOf(string) }) });
const NETWORK_POLICY_PORT = mapping({ port: intOrString, endPort: integer });

/** A NetworkPolicy's fields the network rules read (networking.k8s.io/v1). */
const NETWORK_POLICY = mapping({
  spec: mapping({
    podSelector: LABEL_SELECTOR,
    policyTypes: listOf(string),
    ingress: listOf(mapping({ from: listOf(NETWORK_POLICY_PEER), ports: listOf(NETWORK_POLICY_PORT) })),
    egress: listOf(mapping({ to: listOf(NETWORK_POLICY_PEER), ports: listOf(NETWORK_POLICY_PORT) })),
  }),
});

function isNetworkPolicy(object: K8sObject): boolean {
  return object.apiVersion === "networking.k8s.io/v1" && object.kind === "NetworkPolicy";
}

/** kubeadm's ClusterConfiguration, InitConfiguration and JoinConfiguration: the flags they pass on. */
function kubeadmShape(object: K8sObject): Shape | undefined {
  const version = /^kubeadm\.k8s\.io\/(v1beta[34])$/.exec(object.apiVersion)?.[1];
  if (version === undefined) return undefined;
  // v1beta3 writes extraArgs as a map of strings, v1beta4 as a list of {name, value}.
  const args = version === "v1beta3" ? mapOf(string) : listOf(mapping({ name: string, value: string }));
  const component = mapping({ extraArgs: args });
  if (object.kind === "ClusterConfiguration") {
    const external = mapping({ caFile: string, certFile: string, keyFile: string });
    return mapping({ kubernetesVersion: string, apiServer: component, controllerManager: component, scheduler: component, etcd: mapping({ local: component, external }) });
  }
  if (object.kind === "InitConfiguration" || object.kind === "JoinConfiguration") return mapping({ nodeRegistration: mapping({ kubeletExtraArgs: args }) });
  return undefined;
}

function isRole(object: K8sObject): boolean {
  return object.apiVersion === "rbac.authorization.k8s.io/v1" && (object.kind === "Role" || object.kind === "ClusterRole");
}

/** Istio's WorkloadSelector: labels only. */
const WORKLOAD_SELECTOR = mapping({ matchLabels: mapOf(string) });
const MUTUAL_TLS = mapping({ mode: string });
/** A DestinationRule's traffic policy: its ClientTLSSettings, for every port and per port. */
const TRAFFIC_POLICY = mapping({ tls: MUTUAL_TLS, portLevelSettings: listOf(mapping({ port: mapping({ number: integer }), tls: MUTUAL_TLS })) });
/** An AuthorizationPolicy's Source and Operation: every field is a list of strings. */
const STRING_LISTS = mapping({}, listOf(string));

/** The fields of Istio's kinds the mesh rules read, by API group and kind (every served version has them). */
const ISTIO_SHAPES: ReadonlyMap<string, Shape> = new Map([
  ["security.istio.io/PeerAuthentication", mapping({ spec: mapping({ selector: WORKLOAD_SELECTOR, mtls: MUTUAL_TLS, portLevelMtls: mapOf(MUTUAL_TLS) }) })],
  [
    "security.istio.io/AuthorizationPolicy",
    mapping({
      spec: mapping({
        selector: WORKLOAD_SELECTOR,
        targetRef: mapping(),
        targetRefs: listOf(mapping()),
        action: string,
        rules: listOf(mapping({ from: listOf(mapping({ source: STRING_LISTS })), to: listOf(mapping({ operation: STRING_LISTS })), when: listOf(mapping()) })),
      }),
    }),
  ],
  [
    "networking.istio.io/DestinationRule",
    mapping({ spec: mapping({ host: string, trafficPolicy: TRAFFIC_POLICY, subsets: listOf(mapping({ name: string, trafficPolicy: TRAFFIC_POLICY })) }) }),
  ],
  [
    "networking.istio.io/VirtualService",
    mapping({
      spec: mapping({
        gateways: listOf(string),
        http: listOf(mapping({ match: listOf(mapping({ uri: mapping({ prefix: string, exact: string }) })) })),
        tcp: listOf(mapping()),
        tls: listOf(mapping()),
      }),
    }),
  ],
  [
    "networking.istio.io/Gateway",
    mapping({
      spec: mapping({
        servers: listOf(
          mapping({
            port: mapping({ number: integer, protocol: string, name: string }),
            hosts: listOf(string),
            tls: mapping({
              mode: string,
              httpsRedirect: boolean,
              minProtocolVersion: string,
              maxProtocolVersion: string,
              credentialName: string,
              credentialNames: listOf(string),
              serverCertificate: string,
              privateKey: string,
              tlsCertificates: listOf(mapping()),
            }),
          }),
        ),
      }),
    }),
  ],
]);

/** The fields of Services, Ingresses, Gateway API Gateways and ListenerSets, and ingress-nginx's ConfigMap keys, that the network rules read. */
const SERVICE = mapping({
  spec: mapping({ type: string, externalIPs: listOf(string), loadBalancerSourceRanges: listOf(string), ports: listOf(mapping({ nodePort: integer })) }),
});
const INGRESS = mapping({ spec: mapping({ tls: listOf(mapping({ hosts: listOf(string) })), rules: listOf(mapping({ host: string })) }) });
const LISTENERS = listOf(
  mapping({
    name: string,
    hostname: string,
    protocol: string,
    tls: mapping({ mode: string }),
    allowedRoutes: mapping({ namespaces: mapping({ from: string, selector: LABEL_SELECTOR }) }),
  }),
);
const GATEWAY = mapping({ spec: mapping({ listeners: LISTENERS }) });
const LISTENER_SET = mapping({ spec: mapping({ listeners: LISTENERS, parentRef: mapping({ group: string, kind: string, name: string, namespace: string }) }) });
const CONFIG_MAP = mapping({ data: mapOf(string), binaryData: mapOf(string) });
/** A Secret's fields the secrets rules read (core/v1 Secret). */
const SECRET = mapping({ type: string, data: mapOf(string), stringData: mapOf(string) });

/** The shape of a whole object of a kind that is not a workload, keyed by `apiVersion kind`'s group and kind. */
function bodyShapeOf(object: K8sObject): Shape | undefined {
  const group = object.apiVersion.includes("/") ? object.apiVersion.slice(0, object.apiVersion.lastIndexOf("/")) : "";
  if (isRole(object)) return ROLE;
  if (isBinding(object)) return BINDING;
  if (isNetworkPolicy(object)) return NETWORK_POLICY;
  if (isKubeletConfiguration(object)) return KUBELET_CONFIGURATION;
  if (isKubeProxyConfiguration(object)) return KUBE_PROXY_CONFIGURATION;
  if (isEncryptionConfiguration(object)) return ENCRYPTION_CONFIGURATION;
  if (isAuditPolicy(object)) return AUDIT_POLICY;
  if (group === "" && object.kind === "Service") return SERVICE;
  if (group === "" && object.kind === "ConfigMap") return CONFIG_MAP;
  if (group === "" && object.kind === "Secret") return SECRET;
  if ((group === "networking.k8s.io" || group === "extensions") && object.kind === "Ingress") return INGRESS;
  if (group === "gateway.networking.k8s.io" && object.kind === "Gateway") return GATEWAY;
  if ((group === "gateway.networking.k8s.io" && object.kind === "ListenerSet") || (group === "gateway.networking.x-k8s.io" && object.kind === "XListenerSet")) return LISTENER_SET;
  return ISTIO_SHAPES.get(`${group}/${object.kind}`) ?? kubeadmShape(object);
}

/** A RoleBinding's or ClusterRoleBinding's fields the RBAC rules read (RoleRef and Subject of rbac/v1). */
const BINDING = mapping({
  roleRef: mapping({ apiGroup: string, kind: string, name: string }),
  subjects: listOf(mapping({ apiGroup: string, kind: string, name: string, namespace: string })),
});

function isBinding(object: K8sObject): boolean {
  return object.apiVersion === "rbac.authorization.k8s.io/v1" && (object.kind === "RoleBinding" || object.kind === "ClusterRoleBinding");
}

/** The KubeletConfiguration fields the control-plane rules read (kubelet.config.k8s.io/v1beta1; durations are strings). */
const KUBELET_CONFIGURATION = mapping({
  authentication: mapping({
    anonymous: mapping({ enabled: boolean }),
    webhook: mapping({ enabled: boolean }),
    x509: mapping({ clientCAFile: string }),
  }),
  authorization: mapping({ mode: string }),
  readOnlyPort: integer,
  streamingConnectionIdleTimeout: string,
  makeIPTablesUtilChains: boolean,
  protectKernelDefaults: boolean,
  rotateCertificates: boolean,
  serverTLSBootstrap: boolean,
  tlsCertFile: string,
  tlsPrivateKeyFile: string,
  eventRecordQPS: integer,
  podPidsLimit: integer,
  seccompDefault: boolean,
  tlsCipherSuites: listOf(string),
  tlsMinVersion: string,
  featureGates: mapOf(boolean),
});

/** The KubeProxyConfiguration fields the control-plane rules read (kubeproxy.config.k8s.io/v1alpha1). */
const KUBE_PROXY_CONFIGURATION = mapping({ metricsBindAddress: string });

const ENCRYPTION_KEYS = mapping({ keys: listOf(mapping({ name: string, secret: string })) });

/** An EncryptionConfiguration (apiserver.config.k8s.io/v1): each providers item holds one provider type. */
const ENCRYPTION_CONFIGURATION = mapping({
  resources: listOf(
    mapping({
      resources: listOf(string),
      providers: listOf(mapping({ aescbc: ENCRYPTION_KEYS, aesgcm: ENCRYPTION_KEYS, secretbox: ENCRYPTION_KEYS, identity: mapping(), kms: mapping({ apiVersion: string, name: string }) })),
    }),
  ),
});

/** An audit Policy (audit.k8s.io/v1). */
const AUDIT_POLICY = mapping({
  omitStages: listOf(string),
  rules: listOf(
    mapping({
      level: string,
      users: listOf(string),
      userGroups: listOf(string),
      verbs: listOf(string),
      namespaces: listOf(string),
      nonResourceURLs: listOf(string),
      omitStages: listOf(string),
      resources: listOf(mapping({ group: string, resources: listOf(string), resourceNames: listOf(string) })),
    }),
  ),
});

const EXPECTED: Record<Shape["type"], string> = {
  string: "a string",
  boolean: "true or false",
  integer: "an integer",
  quantity: "a quantity (a string such as 500m or 1Gi, or a number)",
  intOrString: "an integer or a string",
  mapping: "a mapping",
  map: "a mapping",
  list: "a list",
};

function matches(value: unknown, shape: Shape): boolean {
  switch (shape.type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "quantity":
      return typeof value === "string" || typeof value === "number";
    case "intOrString":
      return typeof value === "string" || (typeof value === "number" && Number.isInteger(value));
    case "mapping":
    case "map":
      return isRecord(value);
    case "list":
      return Array.isArray(value);
  }
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (isRecord(value)) return "a mapping";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** A field whose value has the wrong type. */
export interface ShapeProblem {
  path: Path;
  message: string;
}

/**
 * Checks `value` against `shape`. `path` is a stack shared by the whole walk and copied only for a
 * problem: this runs on every field rules read, of every object.
 */
function checkValue(value: unknown, shape: Shape, path: PathSegment[], problems: ShapeProblem[]): void {
  // null is how YAML spells an absent value, and Kubernetes reads it so.
  if (value === null || value === undefined) return;
  if (!matches(value, shape)) {
    const message =
      shape.type === "string" && typeof value === "boolean"
        ? `${formatPath(path)} must be a string, but its value was read as the boolean ${value}: Kubernetes reads YAML 1.1, where unquoted ${value ? "y, yes and on" : "n, no and off"}, capitalised or in capitals, are ${value} too; quote the value to keep it a string.`
        : `${formatPath(path)} must be ${EXPECTED[shape.type]}, not ${describeValue(value)}.`;
    problems.push({ path: [...path], message });
    return;
  }
  if (shape.type === "mapping") {
    const record = value as Record<string, unknown>;
    // The keys present, not the fields known: an object sets few of the fields rules read.
    for (const key in record) {
      const fieldShape = shape.fields.get(key) ?? shape.otherFields;
      if (fieldShape) checkChild(record[key], fieldShape, path, key, problems);
    }
  } else if (shape.type === "map") {
    const record = value as Record<string, unknown>;
    for (const key in record) checkChild(record[key], shape.values, path, key, problems);
  } else if (shape.type === "list") {
    const list = value as unknown[];
    for (let index = 0; index < list.length; index++) checkChild(list[index], shape.items, path, index, problems);
  }
}

function checkChild(value: unknown, shape: Shape, path: PathSegment[], segment: PathSegment, problems: ShapeProblem[]): void {
  if (value === null || value === undefined) return;
  path.push(segment);
  checkValue(value, shape, path, problems);
  path.pop();
}

/**
 * Fields of the wrong type that rules read: object metadata for every object, and the pod spec,
 * its template and its containers for workloads, the rules of RBAC roles, and the fields of Istio's configuration
 * the mesh rules read. One problem per wrong field, at its path.
 */
export function checkShape(object: K8sObject): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  checkValue(object.body.metadata, OBJECT_METADATA, ["metadata"], problems);
  const bodyShape = bodyShapeOf(object);
  if (bodyShape) {
    checkValue(object.body, bodyShape, [], problems);
    return problems;
  }
  const podSpecPath = podSpecPathOf(object);
  if (!podSpecPath) return problems;
  // Every step down to the pod spec (spec, template, jobTemplate, ...) must be a mapping.
  const last = podSpecPath.length - 1;
  let parent: Record<string, unknown> = object.body;
  for (let depth = 0; depth < last; depth++) {
    const path = podSpecPath.slice(0, depth + 1);
    const value = parent[path[depth] as string];
    if (!isRecord(value)) {
      checkValue(value, mapping(), path, problems);
      return problems;
    }
    if (path[depth] === "template") checkValue(value.metadata, OBJECT_METADATA, [...path, "metadata"], problems);
    parent = value;
  }
  checkValue(parent[podSpecPath[last] as string], POD_SPEC, [...podSpecPath], problems);
  return problems;
}

function coversPath(shape: Shape, path: readonly PathSegment[]): boolean {
  let current: Shape | undefined = shape;
  for (const segment of path) {
    if (!current) return false;
    if (current.type === "mapping") current = typeof segment === "string" ? (current.fields.get(segment) ?? current.otherFields) : undefined;
    else if (current.type === "map") current = typeof segment === "string" ? current.values : undefined;
    else if (current.type === "list") current = typeof segment === "number" ? current.items : undefined;
    else return false;
  }
  return current !== undefined;
}

/**
 * Whether the field-type check covers this field of the object: test/meta/field-reads.test.ts asks
 * it of every field the rules read, so a rule cannot read a field whose wrong type goes unreported.
 */
export function checksField(object: K8sObject, path: readonly PathSegment[]): boolean {
  if (path.length === 0) return true;
  if (path[0] === "metadata") return coversPath(OBJECT_METADATA, path.slice(1));
  const bodyShape = bodyShapeOf(object);
  if (bodyShape) return coversPath(bodyShape, path);
  const podSpecPath = podSpecPathOf(object);
  if (!podSpecPath) return false;
  const onTheWay = podSpecPath.findIndex((segment, depth) => path[depth] !== segment);
  if (onTheWay === -1) return coversPath(POD_SPEC, path.slice(podSpecPath.length));
  // Above the pod spec: the mappings leading to it, and a template's metadata.
  if (onTheWay >= path.length) return true;
  const template = podSpecPath.slice(0, onTheWay);
  return template.at(-1) === "template" && path[onTheWay] === "metadata" && coversPath(OBJECT_METADATA, path.slice(onTheWay + 1));
}
