/**
 * Benchmark checks a static linter cannot make, listed in docs/rules/README.md so that nobody takes
 * their absence for a pass: they look at a live node (files, owners, processes), not at manifests.
 */
export const OUT_OF_SCOPE: ReadonlyArray<{ controls: string; what: string; why: string }> = [
  {
    controls: "CIS 1.1.1-1.1.21",
    what: "Permissions and ownership of the control-plane node's files: the static pod manifests, the etcd data directory, admin.conf, scheduler.conf, controller-manager.conf, the CNI files and the PKI directory",
    why: "file modes and owners live on the node's disk, not in the manifests",
  },
  {
    controls: "CIS 4.1.1-4.1.10",
    what: "Permissions and ownership of the worker node's files: the kubelet service file, kubelet.conf, the kube-proxy kubeconfig, the client CA file and the kubelet config file",
    why: "file modes and owners live on the node's disk",
  },
  {
    controls: "CIS 1.2-1.4, 2, 4.2 on a running cluster",
    what: "The flags a running kube-apiserver, controller manager, scheduler, etcd or kubelet was started with (`ps -ef`), and flags set through environment variables or systemd drop-ins",
    why: "kubeward reads the manifests and kubeadm configs in the repository; a node may run something else",
  },
  {
    controls: "CIS 2.7",
    what: "A unique certificate authority for etcd",
    why: "whether two CA files hold the same certificate needs the files themselves",
  },
  {
    controls: "CIS 1.2.5, 1.2.22-1.2.26, 1.3.4-1.3.5, 2.1, 2.4",
    what: "That the certificate and key files the flags name exist, match each other and are signed by the right CA",
    why: "kubeward checks that the flags are set, not the files' contents",
  },
];
