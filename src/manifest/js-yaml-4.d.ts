// js-yaml 4 ships no types; these are the parts src/manifest/listener-read.ts uses.
declare module "js-yaml-4" {
  /** The loader's state as its `listener` option sees it at the start ("open") and end ("close") of each node. */
  export interface LoaderState {
    readonly input: string;
    readonly position: number;
    readonly line: number;
    readonly lineStart: number;
    readonly kind: "scalar" | "sequence" | "mapping" | null;
    readonly result: unknown;
  }
  export interface LoadOptions {
    schema?: Schema;
    listener?: (event: "open" | "close", state: LoaderState) => void;
    onWarning?: (warning: Error) => void;
    maxDepth?: number;
  }
  export class Type {
    readonly tag: string;
    constructor(tag: string, options: { kind: "scalar"; resolve: (data: string) => boolean; construct: (data: string) => unknown });
  }
  export class Schema {
    extend(definition: { implicit: Type[] }): Schema;
  }
  export const FAILSAFE_SCHEMA: Schema;
  export function loadAll(input: string, iterator: undefined, options: LoadOptions): unknown[];
}
