import { arrayOf, containersOf, defineRule, describeContainer, isRecord, POD_SPEC_OBJECTS, podSpecOf, recordOf, type PodSpecRef } from "../../src/engine/api.js";
import { normalizeHostPath } from "../pod-security/host-paths.js";

/** Runtime sockets below /run; /var/run is the same directory on current distributions, so both spellings count. */
const SOCKETS_UNDER_RUN = ["docker.sock", "containerd/containerd.sock", "crio/crio.sock", "cri-dockerd.sock"];
/** Directories that hold a runtime's state and sockets without being a parent of one listed above. */
const RUNTIME_DIRS_UNDER_RUN = ["docker"];

const SOCKETS = SOCKETS_UNDER_RUN.flatMap((socket) => [`/run/${socket}`, `/var/run/${socket}`]);
const RUNTIME_DIRS = RUNTIME_DIRS_UNDER_RUN.flatMap((dir) => [`/run/${dir}`, `/var/run/${dir}`]);
/** Named pipes of Docker and containerd on Windows nodes, compared case-insensitively and with either slash. */
const WINDOWS_PIPES = ["\\\\.\\pipe\\docker_engine", "\\\\.\\pipe\\containerd-containerd"];

/** What a host path exposes: the message that says so, and the socket a directory holds. */
type Exposure = { messageId: "socket" | "namedPipe" | "stateDirectory" } | { messageId: "socketDirectory"; socket: string };

/** What the host path exposes, or undefined when it holds no runtime socket. */
function exposure(hostPath: string): Exposure | undefined {
  const pipe = hostPath.trim().replaceAll("/", "\\").toLowerCase();
  if (WINDOWS_PIPES.includes(pipe)) return { messageId: "namedPipe" };
  if (!hostPath.startsWith("/")) return undefined;
  const path = normalizeHostPath(hostPath);
  if (SOCKETS.includes(path)) return { messageId: "socket" };
  const socket = SOCKETS.find((candidate) => candidate.startsWith(path === "/" ? "/" : `${path}/`));
  if (socket) return { messageId: "socketDirectory", socket };
  if (RUNTIME_DIRS.includes(path)) return { messageId: "stateDirectory" };
  return undefined;
}

/** Containers that mount the named volume, as a phrase for the message. */
function mountedBy(pod: PodSpecRef, volumeName: unknown): string {
  const names = containersOf(pod)
    .filter((ref) => arrayOf(ref.container.volumeMounts).some((mount) => isRecord(mount) && mount.name === volumeName))
    .map(describeContainer);
  return names.length ? `, mounted by ${names.join(", ")}` : "";
}

export default defineRule({
  meta: {
    id: "container-runtime-socket-mounted",
    title: "Container runtime socket is mounted from the host",
    severity: "critical",
    category: "workload",
    rationale:
      "Whoever can talk to the Docker, containerd or CRI-O socket can start a privileged container on the node with the host's " +
      "filesystem mounted: a pod that mounts the socket, or a folder holding it, is effectively root on the node.",
    remediation:
      "Remove the `hostPath` volume (and its `volumeMounts`). To build images, use a daemonless builder (BuildKit rootless, Kaniko); " +
      "to inspect containers, use the Kubernetes API instead of the runtime.",
    frameworks: [
      { framework: "PSS", control: "baseline/hostpath-volumes" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "MITRE-ATT&CK", control: "T1611" },
      { framework: "MITRE-ATT&CK", control: "T1610" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "MITRE-ATT&CK", control: "T1612" },
    ],
    equivalents: { kubeLinter: ["docker-sock", "container-runtime-sock"], checkov: ["CKV_K8S_27"], trivy: ["KSV006"] },
    messages: {
      socket: '{{volume}} mounts host path "{{hostPath}}", the container runtime socket{{mountedBy}}.',
      namedPipe: `{{volume}} mounts host path "{{hostPath}}", the container runtime's named pipe{{mountedBy}}.`,
      socketDirectory: '{{volume}} mounts host path "{{hostPath}}", a directory that contains container runtime sockets such as {{socket}}{{mountedBy}}.',
      stateDirectory: `{{volume}} mounts host path "{{hostPath}}", the container runtime's state directory{{mountedBy}}.`,
    },
    example: {
      bad: "volumes:\n  - name: docker\n    hostPath:\n      path: /var/run/docker.sock",
      good: "volumes:\n  - name: cache\n    emptyDir: {}",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const [index, volume] of arrayOf(pod.spec.volumes).entries()) {
      const hostPath = recordOf(recordOf(volume).hostPath).path;
      if (typeof hostPath !== "string") continue;
      const exposed = exposure(hostPath);
      if (!exposed) continue;
      const name = recordOf(volume).name;
      const path = [...pod.path, "volumes", index, "hostPath", "path"];
      const data = { volume: typeof name === "string" ? `volume "${name}"` : `volume #${index}`, hostPath, mountedBy: mountedBy(pod, name) };
      yield exposed.messageId === "socketDirectory"
        ? { path, messageId: exposed.messageId, data: { ...data, socket: exposed.socket } }
        : { path, messageId: exposed.messageId, data };
    }
  },
});
