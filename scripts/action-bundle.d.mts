import type { BuildOptions } from "esbuild";

export declare const repoRoot: string;
export declare const actionBundleOptions: BuildOptions & { outfile: string };
