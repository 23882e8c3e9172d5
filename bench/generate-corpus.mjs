// Writes a synthetic corpus: FILES files of OBJECTS_PER_FILE workload objects each, a mix of kinds and risks.
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

/** @param {number} i */
function podTemplate(i) {
  const risky = i % 3 === 0;
  return `metadata:
  labels: {app: APP, tier: backend}
spec:
  serviceAccountName: app-${i % 20}
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
 * Generates the corpus into `dir` and returns its size.
 * @param {string} dir
 * @param {number} files
 * @param {number} objectsPerFile
 */
export function generateCorpus(dir, files, objectsPerFile) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const docs = [];
    for (let o = 0; o < objectsPerFile; o++) {
      const i = f * objectsPerFile + o;
      const [apiVersion, kind, wrap] = KINDS[i % KINDS.length];
      const name = `app-${i}`;
      const body = wrap(podTemplate(i)).replaceAll("APP", name);
      docs.push(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: team-${f % 25}\n${body}`);
    }
    const text = docs.join("---\n");
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, `service-${String(f).padStart(4, "0")}.yaml`), text);
  }
  return { files, objects: files * objectsPerFile, bytes };
}
