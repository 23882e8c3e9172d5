import { arrayOf, recordOf, workloadContainers, type ContainerRef, type K8sObject, type Path } from "../../src/engine/api.js";

/** One declared container port. */
export interface DeclaredPort {
  container: ContainerRef;
  port: number;
  /** TCP unless the manifest says otherwise, as Kubernetes defaults it. */
  protocol: string;
  path: Path;
}

/** Every `ports[].containerPort` of every container of a workload. */
export function* declaredPorts(object: K8sObject): Generator<DeclaredPort> {
  for (const container of workloadContainers(object)) {
    for (const [index, entry] of arrayOf(container.container.ports).entries()) {
      const { containerPort, protocol } = recordOf(entry);
      if (typeof containerPort !== "number") continue;
      yield {
        container,
        port: containerPort,
        protocol: typeof protocol === "string" ? protocol : "TCP",
        path: [...container.path, "ports", index, "containerPort"],
      };
    }
  }
}
