/** The names Kustomize looks for in a folder, in its order of preference. */
export const KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"] as const;

/** kubeward's configuration file, found upward from the working directory. */
export const CONFIG_FILE_NAMES = [".kubeward.yaml", ".kubeward.yml"];
