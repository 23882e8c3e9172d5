/** Test manifests for the control-plane rules, with the line numbers the positions in the tests count on. */

/** A KubeletConfiguration whose body starts on line 3; its kind line is line 2, columns 1-27. */
export const kubeletConfig = (body = ""): string => `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n${body}`;

/**
 * A DaemonSet whose container "kubelet" runs `command` (its key on line 10, column 11) with these items,
 * the first on line 11; each item's text starts at column 15.
 */
export const kubeletPod = (...items: string[]): string =>
  `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node}
spec:
  template:
    spec:
      containers:
        - name: kubelet
          image: registry.example.com/kubelet:v1.33.0
          command:
${items.map((item) => `            - ${item}`).join("\n")}
`;

/** A kubeadm InitConfiguration document, to put in the same file as a KubeletConfiguration. */
export const kubeadmInit = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\n---\n";

/** An EncryptionConfiguration whose body starts on line 3; its kind line is line 2, columns 1-32. */
export const encryptionConfig = (body = ""): string => `apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n${body}`;

/** An audit Policy whose body starts on line 3. */
export const auditPolicy = (body = ""): string => `apiVersion: audit.k8s.io/v1\nkind: Policy\n${body}`;

/**
 * A kubeadm InitConfiguration (or JoinConfiguration) whose nodeRegistration.kubeletExtraArgs (line 4) sets
 * these flags from line 5: v1beta3 one `name: "value"` per line at column 5, v1beta4 a `- name` line and a
 * `value` line (column 7) per flag.
 */
export function kubeletExtraArgs(version: "v1beta3" | "v1beta4", args: ReadonlyArray<readonly [string, string]>, kind = "InitConfiguration"): string {
  const body = args.map(([name, value]) => (version === "v1beta3" ? `    ${name}: "${value}"\n` : `    - name: ${name}\n      value: "${value}"\n`)).join("");
  return `apiVersion: kubeadm.k8s.io/${version}\nkind: ${kind}\nnodeRegistration:\n  kubeletExtraArgs:\n${body}`;
}
