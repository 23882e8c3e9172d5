export type GoldenFormat = "compact" | "text" | "json" | "sarif";

export declare const repoRoot: string;
export declare const goldenDir: string;
export declare const docsFile: string;
export declare const EXPECTED_FILES: Record<GoldenFormat, string>;
export declare function caseNames(): string[];
export declare function haveTools(): boolean;
export declare function runCase(name: string, format: GoldenFormat): Promise<string>;
export declare function storedForm(format: GoldenFormat, output: string): string;
export declare function outputForm(format: GoldenFormat, stored: string): string;
export declare function expectedOutput(name: string, format: GoldenFormat): string;
export declare const DOC_EXAMPLES: Record<string, (output: (name: string, format: GoldenFormat) => string) => string>;
export declare function renderDocs(docs: string, output: (name: string, format: GoldenFormat) => string): string;
