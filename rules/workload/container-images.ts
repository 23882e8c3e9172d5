import { describeContainer, workloadContainers, type ContainerRef, type K8sObject, type Path } from "../../src/engine/api.js";
import { isInjectedIstioProxy } from "./injected-proxy.js";

export interface ContainerImage {
  image: string;
  /** Path of the `image` field, where findings point (the engine maps it to an `images:` entry or values key). */
  path: Path;
  /** `container "web"`, `init container "setup"`, … */
  who: string;
  container: ContainerRef;
}

/**
 * Every string `image` of a workload's init, regular and ephemeral containers. Istio's `image: auto`
 * placeholder is left out: the injector replaces it with the proxy image of Istio's own configuration.
 */
export function* containerImages(object: K8sObject): Generator<ContainerImage> {
  for (const container of workloadContainers(object)) {
    const image = container.container.image;
    if (typeof image !== "string" || isInjectedIstioProxy(container)) continue;
    yield { image, path: [...container.path, "image"], who: describeContainer(container), container };
  }
}
