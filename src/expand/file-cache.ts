import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ignoreIndex, type IgnoredRules } from "../manifest/ignores.js";
import { sourceText, type SourceText } from "../manifest/text.js";
import { openYamlFile, type YamlFile } from "../manifest/yaml-file.js";
import { collectDefines, type Defines } from "./helm/template-locate.js";

export interface CachedFile {
  source: SourceText;
  ignoredOn: (line: number) => IgnoredRules;
}

/** Source files read while locating findings (templates, values, patches), each read and indexed once per run. */
export interface FileCache {
  /** The file's text, or undefined when it cannot be read. */
  file(absolutePath: string): CachedFile | undefined;
  yaml(absolutePath: string): YamlFile | undefined;
  /** `define` bodies of a chart and its subcharts. */
  defines(chartDir: string): Defines;
  /** Every file read so far (absolute path and text). */
  read(): Array<{ file: string; source: SourceText }>;
}

function templateFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && /\.(tpl|ya?ml|txt)$/.test(entry.name) && /(^|[\\/])templates([\\/]|$)/.test(entry.parentPath))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export function createFileCache(): FileCache {
  const files = new Map<string, CachedFile | undefined>();
  const yamlFiles = new Map<string, YamlFile | undefined>();
  const defines = new Map<string, Defines>();
  const file = (absolutePath: string): CachedFile | undefined => {
    if (!files.has(absolutePath)) {
      let cached: CachedFile | undefined;
      try {
        const source = sourceText(readFileSync(absolutePath, "utf8"));
        cached = { source, ignoredOn: ignoreIndex(source) };
      } catch {
        cached = undefined;
      }
      files.set(absolutePath, cached);
    }
    return files.get(absolutePath);
  };
  return {
    file,
    yaml(absolutePath) {
      if (!yamlFiles.has(absolutePath)) {
        const cached = file(absolutePath);
        yamlFiles.set(absolutePath, cached ? openYamlFile(cached.source) : undefined);
      }
      return yamlFiles.get(absolutePath);
    },
    read() {
      return [...files].flatMap(([absolutePath, cached]) => (cached ? [{ file: absolutePath, source: cached.source }] : []));
    },
    defines(chartDir) {
      let found = defines.get(chartDir);
      if (!found) {
        found = collectDefines(templateFiles(chartDir).map((template) => file(template)?.source.text ?? ""));
        defines.set(chartDir, found);
      }
      return found;
    },
  };
}
