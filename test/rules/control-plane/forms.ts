// The three places a control-plane flag is written, laid out so each test can state its positions:
// a static pod's command (first flag on line 10, column 11; `command` on line 8, column 7) and the
// extraArgs of a kubeadm ClusterConfiguration in v1beta3 (map) and v1beta4 (list of name and value).

export type Section = "apiServer" | "controllerManager" | "scheduler" | "etcd";

/** A static pod that runs `program` with these flags, one item each. */
export function staticPod(program: string, flags: readonly string[] = []): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${program}, namespace: kube-system}
spec:
  containers:
    - name: ${program}
      image: registry.k8s.io/${program}:v1.33.0
      command:
        - ${program}
${flags.map((flag) => `        - ${flag}\n`).join("")}`;
}

/**
 * A ClusterConfiguration whose section (etcd: etcd.local) sets these extraArgs. extraArgs is on line 4
 * (etcd: line 5); v1beta3 writes one `name: "value"` per line after it, v1beta4 a `name` and a `value` line per arg.
 */
export function clusterConfiguration(version: "v1beta3" | "v1beta4", section: Section, args: ReadonlyArray<readonly [string, string]> = []): string {
  const indent = section === "etcd" ? "    " : "  ";
  const head = section === "etcd" ? "etcd:\n  local:\n" : `${section}:\n`;
  const body =
    args.length === 0
      ? ` ${version === "v1beta3" ? "{}" : "[]"}\n`
      : `\n${args.map(([name, value]) => (version === "v1beta3" ? `${indent}  ${name}: "${value}"\n` : `${indent}  - name: ${name}\n${indent}    value: "${value}"\n`)).join("")}`;
  return `apiVersion: kubeadm.k8s.io/${version}\nkind: ClusterConfiguration\n${head}${indent}extraArgs:${body}`;
}
