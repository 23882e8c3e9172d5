/**
 * The flags kubeadm writes into the static pods it generates, before the `extraArgs` of its config
 * override them: a flag listed here counts as set when a ClusterConfiguration does not set it.
 *
 * Taken from kubeadm's source (kubernetes/kubernetes, cmd/kubeadm/app/phases/controlplane/manifests.go:
 * getAPIServerCommand, getControllerManagerCommand, getSchedulerCommand; cmd/kubeadm/app/phases/etcd/local.go:
 * getEtcdCommand), with kubeadm's default `certificatesDir` (/etc/kubernetes/pki) and `dataDir` (/var/lib/etcd).
 * Flags whose value is the node's address, name or subnet are left out: no rule reads them.
 */
export const KUBEADM_DEFAULT_FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "kube-apiserver": {
    "allow-privileged": "true",
    // Set by getAuthzModes unless extraArgs sets authorization-config (structured authorization).
    "authorization-mode": "Node,RBAC",
    "client-ca-file": "/etc/kubernetes/pki/ca.crt",
    "enable-admission-plugins": "NodeRestriction",
    "enable-bootstrap-token-auth": "true",
    // The etcd client flags are set for a local etcd; an external one brings its own (etcd.external).
    "etcd-cafile": "/etc/kubernetes/pki/etcd/ca.crt",
    "etcd-certfile": "/etc/kubernetes/pki/apiserver-etcd-client.crt",
    "etcd-keyfile": "/etc/kubernetes/pki/apiserver-etcd-client.key",
    "kubelet-client-certificate": "/etc/kubernetes/pki/apiserver-kubelet-client.crt",
    "kubelet-client-key": "/etc/kubernetes/pki/apiserver-kubelet-client.key",
    "proxy-client-cert-file": "/etc/kubernetes/pki/front-proxy-client.crt",
    "proxy-client-key-file": "/etc/kubernetes/pki/front-proxy-client.key",
    "requestheader-client-ca-file": "/etc/kubernetes/pki/front-proxy-ca.crt",
    "secure-port": "6443",
    "service-account-issuer": "https://kubernetes.default.svc.cluster.local",
    "service-account-key-file": "/etc/kubernetes/pki/sa.pub",
    "service-account-signing-key-file": "/etc/kubernetes/pki/sa.key",
    "tls-cert-file": "/etc/kubernetes/pki/apiserver.crt",
    "tls-private-key-file": "/etc/kubernetes/pki/apiserver.key",
  },
  "kube-controller-manager": {
    "authentication-kubeconfig": "/etc/kubernetes/controller-manager.conf",
    "authorization-kubeconfig": "/etc/kubernetes/controller-manager.conf",
    "bind-address": "127.0.0.1",
    "client-ca-file": "/etc/kubernetes/pki/ca.crt",
    "cluster-signing-cert-file": "/etc/kubernetes/pki/ca.crt",
    "cluster-signing-key-file": "/etc/kubernetes/pki/ca.key",
    controllers: "*,bootstrapsigner,tokencleaner",
    kubeconfig: "/etc/kubernetes/controller-manager.conf",
    "leader-elect": "true",
    "requestheader-client-ca-file": "/etc/kubernetes/pki/front-proxy-ca.crt",
    "root-ca-file": "/etc/kubernetes/pki/ca.crt",
    "service-account-private-key-file": "/etc/kubernetes/pki/sa.key",
    "use-service-account-credentials": "true",
  },
  "kube-scheduler": {
    "authentication-kubeconfig": "/etc/kubernetes/scheduler.conf",
    "authorization-kubeconfig": "/etc/kubernetes/scheduler.conf",
    "bind-address": "127.0.0.1",
    kubeconfig: "/etc/kubernetes/scheduler.conf",
    "leader-elect": "true",
  },
  etcd: {
    "cert-file": "/etc/kubernetes/pki/etcd/server.crt",
    "client-cert-auth": "true",
    "data-dir": "/var/lib/etcd",
    "key-file": "/etc/kubernetes/pki/etcd/server.key",
    "peer-cert-file": "/etc/kubernetes/pki/etcd/peer.crt",
    "peer-client-cert-auth": "true",
    "peer-key-file": "/etc/kubernetes/pki/etcd/peer.key",
    "peer-trusted-ca-file": "/etc/kubernetes/pki/etcd/ca.crt",
    "snapshot-count": "10000",
    "trusted-ca-file": "/etc/kubernetes/pki/etcd/ca.crt",
  },
};
