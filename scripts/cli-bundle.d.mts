import type { BuildOptions } from "esbuild";

export declare const cliBundleOptions: BuildOptions & { outfile: string };
export declare function launcherOptions(bundleId: string): BuildOptions & { outfile: string };
