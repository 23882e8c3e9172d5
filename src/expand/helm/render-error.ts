import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../../core/display-path.js";
import { FILE_START, type InputProblem, type Region } from "../../core/types.js";
import { templateArgs, type HelmSettings, type ValueSet } from "./render.js";
import { RENDER_ERROR } from "../../core/diagnostics.js";
import type { RenderFailure } from "./render-failure.js";
import { locateRenderedLine } from "./rendered-line.js";
import { runTool } from "../tools.js";

/** The render that failed. */
export interface FailedRender {
  chartDir: string;
  cwd: string;
  valueSet: ValueSet;
  /** Name the value set in the message (the chart is rendered with more than one). */
  nameValueSet: boolean;
  helm: HelmSettings;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The file's text; undefined when it cannot be read, which leaves the finding at the file's start. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The place on `line` (1-based) of `text`: at helm's byte offset (counted in characters, as editors
 * do), else on the one occurrence of `token`, else the line from its first non-space character.
 */
function regionOnLine(text: string, wanted: number, byteOffset?: number, token?: string): Region {
  const lines = text.split("\n");
  const line = Math.min(Math.max(wanted, 1), lines.length);
  const content = lines[line - 1].replace(/\r$/, "");
  if (byteOffset !== undefined) {
    const column = Buffer.from(content).subarray(0, byteOffset).toString("utf8").length + 1;
    return { startLine: line, startColumn: column, endLine: line, endColumn: column };
  }
  if (token) {
    const occurrences = [...content.matchAll(new RegExp(`\\b${token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g"))];
    if (occurrences.length === 1) {
      const column = occurrences[0].index + 1;
      return { startLine: line, startColumn: column, endLine: line, endColumn: column + token.length };
    }
  }
  return { startLine: line, startColumn: content.search(/\S|$/) + 1, endLine: line, endColumn: content.length + 1 };
}

/** A failed render as a finding: at the file, line and column helm names, with helm's reason. */
export async function renderErrorProblem(failure: RenderFailure, render: FailedRender): Promise<InputProblem> {
  const { chartDir } = render;
  let file = path.join(chartDir, "Chart.yaml");
  let region = FILE_START;
  let message = failure.message;
  const named = failure.file;
  if (named !== undefined && !isFile(path.resolve(chartDir, named))) {
    const line = failure.renderedLine !== undefined ? `, line ${failure.renderedLine} of a rendered document` : failure.line !== undefined ? `:${failure.line}` : "";
    message += ` (in ${named}${line}, which is not a file in the chart folder; a template of a packaged subchart?)`;
  } else if (named !== undefined) {
    file = path.resolve(chartDir, named);
    if (failure.renderedLine !== undefined && failure.helmPath !== undefined) {
      const place = await locateRenderedLine({
        chartDir,
        template: named,
        helmPath: failure.helmPath,
        renderedLine: failure.renderedLine,
        renderDebug: async (dir) => (await runTool(render.helm.binary, [...templateArgs(dir, render.valueSet, render.helm), "--debug"], dir)).stdout,
      });
      region = place.region;
      message += place.note;
    } else if (failure.line !== undefined) {
      const text = readText(file);
      if (text !== undefined) region = regionOnLine(text, failure.line, failure.byteOffset, failure.token);
    }
  }
  const valueSet = render.nameValueSet ? ` (value set ${render.valueSet.name})` : "";
  return { ruleId: RENDER_ERROR, file: displayPath(render.cwd, file), region, message: `helm template failed${valueSet}: ${message}` };
}
