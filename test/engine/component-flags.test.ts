import { describe, expect, it } from "vitest";
import { componentFlagsOf, listItems, mapEntries } from "../../src/engine/component-flags.js";
import { checkShape } from "../../src/engine/shape.js";
import { parseManifest } from "../../src/manifest/parse.js";

const objectOf = (yaml: string) => parseManifest("test.yaml", yaml).objects[0];

describe("componentFlagsOf", () => {
  it("reads kubeletExtraArgs of an InitConfiguration (v1beta3 map) and a JoinConfiguration (v1beta4 list)", () => {
    const init = componentFlagsOf(objectOf('apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    read-only-port: "10255"\n'));
    expect(init.map((flags) => [flags.program, flags.where, flags.settings("read-only-port", false)])).toEqual([
      ["kubelet", "InitConfiguration nodeRegistration.kubeletExtraArgs", [{ value: "10255", path: ["nodeRegistration", "kubeletExtraArgs", "read-only-port"] }]],
    ]);
    const join = componentFlagsOf(objectOf('apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    - name: read-only-port\n      value: "0"\n'));
    expect(join[0].settings("read-only-port", false)).toEqual([{ value: "0", path: ["nodeRegistration", "kubeletExtraArgs", 0, "value"] }]);
  });

  it("reads kubeadm's defaults as set, at where extraArgs would be, and an external etcd's files", () => {
    const cluster = componentFlagsOf(objectOf("apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\netcd:\n  external:\n    caFile: /ca.crt\n"));
    expect(cluster.map((flags) => flags.program)).toEqual(["kube-apiserver", "kube-controller-manager", "kube-scheduler"]);
    expect(cluster[0].settings("authorization-mode", false)).toEqual([{ value: "Node,RBAC", path: ["kind"], kubeadmDefault: true }]);
    expect(cluster[0].settings("etcd-cafile", false)).toEqual([{ value: "/ca.crt", path: ["etcd", "external", "caFile"], kubeadmDefault: true }]);
    expect(cluster[0].settings("etcd-certfile", false)).toEqual([]);
  });

  it("ignores objects of other kubeadm kinds and non-kubeadm config", () => {
    expect(componentFlagsOf(objectOf("apiVersion: kubeadm.k8s.io/v1beta4\nkind: ResetConfiguration\n"))).toEqual([]);
    expect(componentFlagsOf(objectOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"))).toEqual([]);
  });
});

describe("values as the programs read them", () => {
  const setting = (value: string) => ({ value, path: [] });

  it("string slices: comma lists, trimmed, repeated flags adding to the list", () => {
    expect(listItems([setting("Node, RBAC"), setting("Webhook")]).map(({ item }) => item)).toEqual(["Node", "RBAC", "Webhook"]);
    expect(listItems([setting("")])).toEqual([]);
  });

  it("feature gates: pairs merged across flags, the last pair for a gate winning", () => {
    const gates = mapEntries([setting("A=true,B=false"), setting("A=false")]);
    expect([...gates].map(([gate, { value }]) => `${gate}=${value}`)).toEqual(["A=false", "B=false"]);
  });
});

describe("the field-type check of kubeadm configs", () => {
  it("reports an unquoted boolean in v1beta3 extraArgs, which kubeadm refuses and the rules read as absent", () => {
    const problems = checkShape(objectOf("apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    profiling: false\n"));
    expect(problems.map((problem) => problem.path)).toEqual([["apiServer", "extraArgs", "profiling"]]);
    expect(componentFlagsOf(objectOf("apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    profiling: false\n"))[0].settings("profiling", true)).toEqual([]);
  });

  it("reads v1beta4 extraArgs as a list of name and value", () => {
    expect(checkShape(objectOf("apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    profiling: \"false\"\n")).map((problem) => problem.path)).toEqual([["apiServer", "extraArgs"]]);
  });
});
