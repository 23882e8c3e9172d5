import { describe, expect, it } from "vitest";
import { BUILTIN_RULES } from "../../rules/index.js";
import { activeRules, lintObjects } from "../../src/engine/engine.js";
import { checkShape } from "../../src/engine/shape.js";
import { parseManifest } from "../../src/manifest/parse.js";

const INVALID_FIELD_TYPE = "kubeward/invalid-field-type";

/** invalid-field-type findings of a manifest, as `line:col message`; no rules run. */
function shapeFindings(yaml: string): string[] {
  const parsed = parseManifest("test.yaml", yaml);
  expect(parsed.problems).toEqual([]);
  return lintObjects(parsed.objects, [])
    .filter((finding) => !finding.suppression)
    .map((finding) => {
      expect(finding.ruleId).toBe(INVALID_FIELD_TYPE);
      expect(finding.severity).toBe("high");
      return `${finding.region.startLine}:${finding.region.startColumn} ${finding.message}`;
    });
}

const pod = (spec: string, metadata = "{name: p}"): string => `apiVersion: v1\nkind: Pod\nmetadata: ${metadata}\nspec:\n${spec}`;

describe("kubeward/invalid-field-type", () => {
  it("accepts well-formed workloads, null values and fields it does not know", () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
  annotations: {team: payments, "prometheus.io/port": "8080"}
spec:
  replicas: 2
  template:
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: false
      automountServiceAccountToken: false
      securityContext: {runAsNonRoot: true, runAsUser: 1000, fsGroup: 2000, seccompProfile: {type: RuntimeDefault}, supplementalGroups: [1, 2]}
      initContainers:
        - name: init
          image: busybox:1.36
          command: [sh, -c, "true"]
      containers:
        - name: web
          image: nginx:1.25
          args: ["--port", "8080"]
          ports: [{containerPort: 8080, protocol: TCP}]
          env: [{name: MODE, value: "prod"}, {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
          resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 1}}
          securityContext:
            privileged: false
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
          livenessProbe: {httpGet: {path: /, port: 8080}}
          futureField: {anything: [goes]}
        - name: sidecar
          image: envoy:1.30
          securityContext:
          resources:
      volumes:
        - name: data
          emptyDir: {}
        - name: host
          hostPath: {path: /var/log, type: Directory}
`;
    expect(shapeFindings(yaml)).toEqual([]);
  });

  it("a string where the container list belongs: one finding at the field, nothing below it", () => {
    expect(shapeFindings(pod('  containers: "oops"\n'))).toEqual(['5:3 spec.containers must be a list, not the string "oops".']);
  });

  it("finds the pod spec of every workload kind", () => {
    const cases: Array<[string, string, string]> = [
      ["apps/v1", "Deployment", "spec:\n  template:\n    spec:\n      containers: oops\n"],
      ["apps/v1", "StatefulSet", "spec:\n  template:\n    spec:\n      containers: oops\n"],
      ["apps/v1", "DaemonSet", "spec:\n  template:\n    spec:\n      containers: oops\n"],
      ["apps/v1", "ReplicaSet", "spec:\n  template:\n    spec:\n      containers: oops\n"],
      ["v1", "ReplicationController", "spec:\n  template:\n    spec:\n      containers: oops\n"],
      ["batch/v1", "Job", "spec:\n  template:\n    spec:\n      containers: oops\n"],
      ["batch/v1", "CronJob", "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: oops\n"],
      ["v1", "PodTemplate", "template:\n  spec:\n    containers: oops\n"],
    ];
    for (const [apiVersion, kind, body] of cases) {
      const findings = shapeFindings(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n${body}`);
      expect(findings, kind).toHaveLength(1);
      expect(findings[0], kind).toMatch(/containers must be a list, not the string "oops"\.$/);
    }
  });

  it("checks the path down to the pod spec", () => {
    const deployment = (spec: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n${spec}`;
    expect(shapeFindings(deployment('spec: "x"\n'))).toEqual(['4:1 spec must be a mapping, not the string "x".']);
    expect(shapeFindings(deployment("spec:\n  template: [a]\n"))).toEqual(["5:3 spec.template must be a mapping, not a list."]);
    expect(shapeFindings(deployment("spec:\n  template:\n    spec: 3\n"))).toEqual(["6:5 spec.template.spec must be a mapping, not the number 3."]);
    expect(shapeFindings(deployment("spec:\n  template:\n    metadata:\n      annotations: [a]\n"))).toEqual([
      "7:7 spec.template.metadata.annotations must be a mapping, not a list.",
    ]);
    expect(shapeFindings(deployment("spec:\n  template:\n"))).toEqual([]);
  });

  it("checks container lists, their items and volumes", () => {
    const yaml = pod(`  initContainers: {name: a}
  containers:
    - just-a-string
    - name: web
  ephemeralContainers: 3
  volumes:
    - name: ok
    - data
    - name: host
      hostPath: /var/run/docker.sock
`);
    expect(shapeFindings(yaml)).toEqual([
      "5:3 spec.initContainers must be a list, not a mapping.",
      '7:7 spec.containers[0] must be a mapping, not the string "just-a-string".',
      "9:3 spec.ephemeralContainers must be a list, not the number 3.",
      '12:7 spec.volumes[1] must be a mapping, not the string "data".',
      '14:7 spec.volumes[2].hostPath must be a mapping, not the string "/var/run/docker.sock".',
    ]);
  });

  it("checks every volume source as a mapping, resource quantities, and where probes and hooks connect", () => {
    const yaml = pod(`  volumes:
    - name: cache
      emptyDir: "yes"
    - name: config
      configMap: {name: settings}
  containers:
    - name: web
      resources: {limits: {cpu: true, memory: 1Gi}, requests: {cpu: 250m, memory: 536870912}}
      livenessProbe: {httpGet: {host: [a], port: 80}}
      lifecycle: {preStop: {tcpSocket: {host: 10}}}
`);
    expect(shapeFindings(yaml)).toEqual([
      '7:7 spec.volumes[0].emptyDir must be a mapping, not the string "yes".',
      "12:28 spec.containers[0].resources.limits.cpu must be a quantity (a string such as 500m or 1Gi, or a number), not the boolean true.",
      "13:33 spec.containers[0].livenessProbe.httpGet.host must be a string, not a list.",
      "14:41 spec.containers[0].lifecycle.preStop.tcpSocket.host must be a string, not the number 10.",
    ]);
  });

  it("checks pod-level fields", () => {
    const yaml = pod(`  hostNetwork: "true"
  hostPID: 1
  hostIPC: yes
  securityContext: "x"
  containers: []
`);
    expect(shapeFindings(yaml)).toEqual([
      '5:3 spec.hostNetwork must be true or false, not the string "true".',
      "6:3 spec.hostPID must be true or false, not the number 1.",
      '8:3 spec.securityContext must be a mapping, not the string "x".',
    ]);
  });

  it("checks fields of the pod securityContext", () => {
    const yaml = pod(`  securityContext:
    runAsUser: "1000"
    runAsGroup: 1.5
    runAsNonRoot: "true"
    seccompProfile: RuntimeDefault
    supplementalGroups: [1, "2"]
`);
    expect(shapeFindings(yaml)).toEqual([
      '6:5 spec.securityContext.runAsUser must be an integer, not the string "1000".',
      "7:5 spec.securityContext.runAsGroup must be an integer, not the number 1.5.",
      '8:5 spec.securityContext.runAsNonRoot must be true or false, not the string "true".',
      '9:5 spec.securityContext.seccompProfile must be a mapping, not the string "RuntimeDefault".',
      '10:29 spec.securityContext.supplementalGroups[1] must be an integer, not the string "2".',
    ]);
  });

  it("checks container fields", () => {
    const yaml = pod(`  containers:
    - name: web
      image: 1.25
      command: "nginx -g daemon off"
      ports: 80
      resources: "100m"
      securityContext: [privileged]
    - name: sidecar
      image: [envoy]
      ports:
        - containerPort: "8080"
      resources:
        limits: [cpu]
      securityContext:
        privileged: "true"
        capabilities:
          add: NET_ADMIN
          drop: [ALL, 7]
`);
    expect(shapeFindings(yaml)).toEqual([
      "7:7 spec.containers[0].image must be a string, not the number 1.25.",
      '8:7 spec.containers[0].command must be a list, not the string "nginx -g daemon off".',
      "9:7 spec.containers[0].ports must be a list, not the number 80.",
      '10:7 spec.containers[0].resources must be a mapping, not the string "100m".',
      "11:7 spec.containers[0].securityContext must be a mapping, not a list.",
      "13:7 spec.containers[1].image must be a string, not a list.",
      '15:11 spec.containers[1].ports[0].containerPort must be an integer, not the string "8080".',
      "17:9 spec.containers[1].resources.limits must be a mapping, not a list.",
      '19:9 spec.containers[1].securityContext.privileged must be true or false, not the string "true".',
      '21:11 spec.containers[1].securityContext.capabilities.add must be a list, not the string "NET_ADMIN".',
      "22:23 spec.containers[1].securityContext.capabilities.drop[1] must be a string, not the number 7.",
    ]);
  });

  it("checks metadata of every object, workload or not: annotations and labels are strings", () => {
    const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    enabled: true
  annotations:
    prometheus.io/port: 8080
    kubeward.io/ignore: [privileged-container]
immutable: "not checked: no rule reads it"
`;
    expect(shapeFindings(configMap)).toEqual([
      "6:5 metadata.labels.enabled must be a string, but its value was read as the boolean true: Kubernetes reads YAML 1.1, where unquoted y, yes and on, capitalised or in capitals, are true too; quote the value to keep it a string.",
      '8:5 metadata.annotations["prometheus.io/port"] must be a string, not the number 8080.',
      '9:5 metadata.annotations["kubeward.io/ignore"] must be a string, not a list.',
    ]);
    expect(shapeFindings("apiVersion: v1\nkind: Namespace\nmetadata: [a]\n")).toEqual(["3:1 metadata must be a mapping, not a list."]);
  });

  it("checks the fields of Services, Ingresses, Gateways, ListenerSets and ingress-nginx's ConfigMap that the network rules read", () => {
    const objects = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: 3
  externalIPs: 10.0.0.1
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  tls: [{hosts: shop.example.com}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  listeners: [{name: a, protocol: HTTP, allowedRoutes: {namespaces: {from: [All]}}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ingress-nginx-controller}
data: {allow-snippet-annotations: true}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: shop}
spec:
  parentRef: shared
`;
    expect(shapeFindings(objects)).toEqual([
      "5:3 spec.type must be a string, not the number 3.",
      "6:3 spec.externalIPs must be a list, not the string \"10.0.0.1\".",
      "12:10 spec.tls[0].hosts must be a list, not the string \"shop.example.com\".",
      "18:70 spec.listeners[0].allowedRoutes.namespaces.from must be a string, not a list.",
      "23:8 data.allow-snippet-annotations must be a string, but its value was read as the boolean true: Kubernetes reads YAML 1.1, where unquoted y, yes and on, capitalised or in capitals, are true too; quote the value to keep it a string.",
      '29:3 spec.parentRef must be a mapping, not the string "shared".',
    ]);
  });

  it("a YAML 1.1 boolean where a string belongs says it was read as a boolean and should be quoted", () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: n
spec:
  containers:
    - name: On
      image: "n"
`;
    expect(shapeFindings(pod)).toEqual([
      "5:3 metadata.namespace must be a string, but its value was read as the boolean false: Kubernetes reads YAML 1.1, where unquoted n, no and off, capitalised or in capitals, are false too; quote the value to keep it a string.",
      "8:7 spec.containers[0].name must be a string, but its value was read as the boolean true: Kubernetes reads YAML 1.1, where unquoted y, yes and on, capitalised or in capitals, are true too; quote the value to keep it a string.",
    ]);
  });

  it("leaves the pod spec of custom resources that reuse a workload kind name alone", () => {
    expect(shapeFindings("apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: d}\nspec: 3\n")).toEqual([]);
  });

  it("points inside the anchored definition when the wrong value comes through an alias", () => {
    const yaml = pod(`  containers:
    - name: a
      securityContext: &shared
        privileged: "yes please"
    - name: b
      securityContext: *shared
`);
    // Both containers have the wrong value; both findings point where it is written.
    expect(shapeFindings(yaml)).toEqual([
      '8:9 spec.containers[0].securityContext.privileged must be true or false, not the string "yes please".',
      '8:9 spec.containers[1].securityContext.privileged must be true or false, not the string "yes please".',
    ]);
  });

  it("can be suppressed like any finding", () => {
    const yaml = pod('  containers: "oops"  # kubeward-ignore kubeward/invalid-field-type -- generated by a broken template\n');
    expect(shapeFindings(yaml)).toEqual([]);
  });

  it("checks the fields of Istio's configuration that the mesh rules read, in every served version", () => {
    const yaml = `apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata: {name: p}
spec:
  selector: {matchLabels: {app: 1}}
  mtls: {mode: [STRICT]}
  portLevelMtls: {8080: DISABLE}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: a}
spec:
  rules:
    - from: [{source: {principals: "*"}}]
      to: {operation: x}
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: d}
spec:
  host: [reviews]
  trafficPolicy: {portLevelSettings: [{port: {number: "80"}}]}
---
apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata: {name: g}
spec:
  servers:
    - port: {number: 80, protocol: HTTP}
      tls: {httpsRedirect: "true"}
---
apiVersion: example.com/v1
kind: Gateway
metadata: {name: other}
spec: {servers: "not Istio's"}
`;
    expect(shapeFindings(yaml)).toEqual([
      "5:28 spec.selector.matchLabels.app must be a string, not the number 1.",
      "6:10 spec.mtls.mode must be a string, not a list.",
      '7:19 spec.portLevelMtls["8080"] must be a mapping, not the string "DISABLE".',
      '14:24 spec.rules[0].from[0].source.principals must be a list, not the string "*".',
      "15:7 spec.rules[0].to must be a list, not a mapping.",
      "21:3 spec.host must be a string, not a list.",
      '22:47 spec.trafficPolicy.portLevelSettings[0].port.number must be an integer, not the string "80".',
      '30:13 spec.servers[0].tls.httpsRedirect must be true or false, not the string "true".',
    ]);
  });

  it("checkShape reports paths, for callers that locate them", () => {
    const [object] = parseManifest("t.yaml", pod("  hostIPC: 1\n")).objects;
    expect(checkShape(object)).toEqual([{ path: ["spec", "hostIPC"], message: "spec.hostIPC must be true or false, not the number 1." }]);
  });
});

describe("rules on wrongly typed input", () => {
  const kitchenSink = `apiVersion: apps/v1
kind: Deployment
metadata: {name: broken, annotations: "x", labels: [a]}
spec:
  template:
    metadata: {annotations: [1], labels: "x"}
    spec:
      hostNetwork: "yes"
      hostPID: [true]
      hostIPC: {a: b}
      securityContext: "x"
      os: "windows"
      volumes: "none"
      initContainers: {name: a}
      ephemeralContainers: "debug"
      containers:
        - "just a string"
        - 42
        - null
        - name: [web]
          image: {repo: nginx}
          imagePullPolicy: [Always]
          ports: "80"
          env: {A: b}
          volumeMounts: "data"
          resources: "lots"
          livenessProbe: "yes"
          readinessProbe: [1]
          startupProbe: 3
          securityContext:
            privileged: "true"
            allowPrivilegeEscalation: "false"
            readOnlyRootFilesystem: 1
            runAsNonRoot: "true"
            runAsUser: "0"
            procMount: [Unmasked]
            seccompProfile: "Unconfined"
            appArmorProfile: [x]
            seLinuxOptions: "spc_t"
            windowsOptions: "host"
            capabilities: {add: "ALL", drop: {x: y}}
        - name: web2
          image: nginx
          ports: [80, {containerPort: "80", hostPort: "8080"}]
          env: ["A=b", {name: 1, value: 2}]
          volumeMounts: [/data, {mountPath: 1}]
          resources: {limits: "1", requests: [1]}
          securityContext: {capabilities: {add: [1, null], drop: "ALL"}, seccompProfile: {type: 1}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec: {jobTemplate: {spec: {template: "x"}}}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: [1, 2]
---
apiVersion: v1
kind: Service
metadata: {name: s}
spec: {ports: "80", selector: [a], type: [LoadBalancer]}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: p, namespace: istio-system}
spec: {selector: "x", mtls: [STRICT], portLevelMtls: {8080: DISABLE}}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: a}
spec: {action: [ALLOW], rules: [[], {from: {source: x}, to: "y"}, {from: [{source: {principals: "*"}}]}]}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: d}
spec: {host: [a], trafficPolicy: {tls: DISABLE, portLevelSettings: {a: b}}, subsets: "v1"}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: g}
spec: {servers: [{port: "80", tls: [SIMPLE]}, {port: {protocol: 1}, tls: {mode: [SIMPLE], minProtocolVersion: 1}}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v}
spec: {gateways: g, http: {match: x}}
`;

  it("no built-in rule fails (kubeward/rule-error) on wrongly typed fields", () => {
    const parsed = parseManifest("broken.yaml", kitchenSink);
    expect(parsed.problems).toEqual([]);
    const everyRuleOn = Object.fromEntries(BUILTIN_RULES.map((rule) => [rule.meta.id, { enabled: true }]));
    const findings = lintObjects(parsed.objects, activeRules(BUILTIN_RULES, everyRuleOn));
    expect(findings.filter((f) => f.ruleId === "kubeward/rule-error").map((f) => f.message)).toEqual([]);
    expect(findings.filter((f) => f.ruleId === INVALID_FIELD_TYPE).length).toBeGreaterThan(20);
  });
});
