import type { K8sObject, Origin } from "../../src/core/types.js";

const CHART = { chart: "charts/app", template: "templates/rbac.yaml", scope: "helm:charts/app:default" };

/** For `originOf`: every object rendered by one chart, in the namespace that came from `.Release.Namespace`. */
export const renderedInReleaseNamespace = (): Partial<Origin> => ({ ...CHART, releaseNamespace: true });

/** For `originOf`: objects of one chart rendering, of which those named were put in the release namespace. */
export const renderedWithReleaseNamespace =
  (...names: string[]) =>
  (object: K8sObject): Partial<Origin> => ({ ...CHART, releaseNamespace: names.includes(object.name) });
