import { arrayOf, isRecord, recordOf, containersOf, type ContainerRef, type PodSpecRef, type Path } from "../../src/engine/api.js";

/** `/var//run/./docker.sock/` → `/var/run/docker.sock`: the spellings Kubernetes mounts as one path. */
export function normalizeHostPath(path: string): string {
  const segments = path.split("/").filter((segment) => segment !== "" && segment !== ".");
  return `/${segments.join("/")}`;
}

/** Whether `path` is `dir` or lies below it (both normalised): `/etc/kubernetes` is under `/etc`, `/etcd` is not. */
export function isAtOrUnder(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === "/" ? "/" : `${dir}/`);
}

/** One hostPath volume of a pod. */
export interface HostPathVolume {
  index: number;
  /** The volume's name, when it has one. */
  name: unknown;
  /** `volume "logs"`, or `volume #2` when it has no name. */
  label: string;
  /** The host path as written, when it is a string. */
  hostPath: string | undefined;
  /** The hostPath `type` (`Socket`, `DirectoryOrCreate`, …), when it is a string. */
  type: string | undefined;
  /** Path of the volume's `hostPath` field. */
  path: Path;
}

/** Every hostPath volume of a pod, with its path. */
export function hostPathVolumes(pod: PodSpecRef): HostPathVolume[] {
  const found: HostPathVolume[] = [];
  for (const [index, volume] of arrayOf(pod.spec.volumes).entries()) {
    const { name, hostPath } = recordOf(volume);
    if (!isRecord(hostPath)) continue;
    found.push({
      index,
      name,
      label: typeof name === "string" ? `volume "${name}"` : `volume #${index}`,
      hostPath: typeof hostPath.path === "string" ? hostPath.path : undefined,
      type: typeof hostPath.type === "string" ? hostPath.type : undefined,
      path: [...pod.path, "volumes", index, "hostPath"],
    });
  }
  return found;
}

/** One volumeMount of a container that mounts the named volume. */
export interface VolumeMountRef {
  container: ContainerRef;
  mount: Record<string, unknown>;
  path: Path;
}

/** Every volumeMount, in every container of the pod, of the volume named `volumeName`. */
export function mountsOf(pod: PodSpecRef, volumeName: unknown): VolumeMountRef[] {
  const found: VolumeMountRef[] = [];
  for (const container of containersOf(pod)) {
    for (const [index, mount] of arrayOf(container.container.volumeMounts).entries()) {
      if (isRecord(mount) && mount.name === volumeName) found.push({ container, mount, path: [...container.path, "volumeMounts", index] });
    }
  }
  return found;
}
