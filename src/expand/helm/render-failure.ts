/** A failed `helm template`: helm's reason, cleaned of its noise, and the place helm names. */
export interface RenderFailure {
  message: string;
  /** The file helm names: chart-relative (`templates/x.yaml`, `values.yaml`, `Chart.yaml`) or absolute (a --values file). */
  file?: string;
  line?: number;
  /** Where on the line, as helm gives it: a 0-based byte offset. */
  byteOffset?: number;
  /** A word of the reason (an undefined function's name) to put the column on, when helm gives no column. */
  token?: string;
  /** Invalid YAML out of a template: the line helm names, counted in the rendered document, not in the template. */
  renderedLine?: number;
  /** The template's path as helm prints it (`chart/templates/x.yaml`), to find its text in `helm template --debug` output. */
  helmPath?: string;
}

/** helm's lines that are not part of the error: warnings, debug lines, the hint to pass --debug. */
const NOISE = /^(level=(WARN|INFO|DEBUG)|WARNING|walk\.go|Use --debug flag)/;

/**
 * The error helm printed, on one line. Helm 4 spreads a template execution error over several lines
 * (a `file:line:col` line, then what was executing), where Helm 3 writes `template: file:line:col: …`
 * on one line; both come out in Helm 3's form, so the two versions are read alike.
 */
function errorText(stderr: string, code: number): string {
  const lines = stderr.split("\n").map((line) => line.trim());
  const start = lines.findIndex((line) => line.startsWith("Error:"));
  if (start === -1) return lines.find((line) => line && !NOISE.test(line)) ?? `helm exited with code ${code}`;
  const block: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line) break;
    if (NOISE.test(line)) continue;
    const text = line.replace(/^Error:\s*/, "");
    block.push(/^[^\s:]+:\d+:\d+$/.test(text) ? `template: ${text}:` : text);
  }
  return block.join(" ");
}

/** `mychart/templates/x.yaml` → `templates/x.yaml`: the path inside the chart folder. */
function insideChart(helmPath: string): string {
  const slash = helmPath.indexOf("/");
  return slash === -1 ? helmPath : helmPath.slice(slash + 1);
}

/** Drops the chart-name segment from the template paths a message quotes. */
function withoutChartName(message: string, helmPath: string): string {
  const chartName = helmPath.slice(0, helmPath.indexOf("/") + 1);
  return chartName ? message.split(`${chartName}templates/`).join("templates/").split(`${chartName}charts/`).join("charts/") : message;
}

/** One `template: file:line:col: executing "name" at <expression>: ` of a Go template execution error. */
const FRAME = /template: ([^\s:]+):(\d+):(\d+): executing "((?:[^"\\]|\\.)*)" at <(.*?)>: /g;

/**
 * A template execution error (a nil pointer, a wrong type, a missing template): placed at the innermost
 * frame in a chart file (not inside a `tpl` string), with the includes that led there named.
 */
function executionFailure(text: string): RenderFailure | undefined {
  const frames = [...text.matchAll(FRAME)];
  const inChart = frames.filter((frame) => frame[1].includes("/"));
  const at = inChart.at(-1);
  if (!at) return undefined;
  const [, helmPath, line, column, name, expression] = at;
  const executing = name === helmPath ? "" : `executing "${name}" `;
  const reason = text.slice(at.index + at[0].length);
  const callers = inChart.slice(0, -1).map((frame) => `${insideChart(frame[1])}:${frame[2]}`);
  const includedFrom = callers.reverse().map((caller, i) => (i === 0 ? `; included from ${caller}` : `, which is included from ${caller}`)).join("");
  return {
    message: withoutChartName(`${executing}at <${expression}>: ${reason}${includedFrom}`, helmPath),
    file: insideChart(helmPath),
    line: Number(line),
    byteOffset: Number(column),
    helmPath,
  };
}

/** `yaml: line N: reason` of go-yaml, as helm wraps it. */
const YAML_LINE = /yaml: (?:unmarshal errors: )?line (\d+): (.*)$/;

/** Turns helm's error output into one clear message and, where helm gives it, the place to fix. */
export function parseHelmFailure(stderr: string, code: number): RenderFailure {
  const text = errorText(stderr, code);
  const missing = /found in (?:Chart|requirements)\.yaml, but missing in charts\/ directory: (.+)$/.exec(text);
  if (missing) {
    return {
      message: `dependency ${missing[1]} is declared in Chart.yaml but missing from charts/; run \`helm dependency build\` or pass --helm-dependency-update`,
      file: "Chart.yaml",
    };
  }
  // `fail` and `required`: the chart's own words, at the action that called them.
  const called = /^execution error at \(([^():\s]+):(\d+):(\d+)\): (.*)$/.exec(text);
  if (called) {
    const [, helmPath, line, column, reason] = called;
    return { message: withoutChartName(reason, helmPath), file: insideChart(helmPath), line: Number(line), byteOffset: Number(column), helmPath };
  }
  const unparsed = /^parse error at \(([^():\s]+):(\d+)\): (.*)$/.exec(text);
  if (unparsed) {
    const [, helmPath, line, reason] = unparsed;
    // An unclosed action is reported where the file ends; the fix goes where it was opened.
    const opened = /^unclosed action started at \S+:(\d+)$/.exec(reason);
    return {
      message: withoutChartName(`the template does not parse: ${reason}`, helmPath),
      file: insideChart(helmPath),
      line: Number(opened?.[1] ?? line),
      token: /^function "([^"]+)" not defined$/.exec(reason)?.[1],
      helmPath,
    };
  }
  const execution = executionFailure(text);
  if (execution) return execution;
  const invalidYaml = /^YAML parse error on ([^:\s]+): (.*)$/.exec(text);
  if (invalidYaml) {
    const [, helmPath, detail] = invalidYaml;
    const yamlLine = YAML_LINE.exec(detail);
    if (yamlLine) {
      return { message: `the template rendered invalid YAML: ${yamlLine[2]}`, file: insideChart(helmPath), renderedLine: Number(yamlLine[1]), helmPath };
    }
    const shape = /cannot unmarshal (\w+) into Go value of type \S*SimpleHead/.exec(detail);
    const message = shape ? `the template renders a YAML ${shape[1]}, not a Kubernetes object (a mapping with apiVersion and kind)` : `the template rendered invalid YAML: ${detail}`;
    return { message, file: insideChart(helmPath), helmPath };
  }
  const values = /^(?:cannot load (values\.yaml)|failed to parse (\/[^:]+|[A-Za-z]:\\[^:]+)): (.*)$/.exec(text);
  if (values) {
    const [, , valuesFile, detail] = values;
    // Only one of the two file groups matched.
    const chartValues = values[1] as string | undefined;
    const yamlLine = YAML_LINE.exec(detail);
    const reason = yamlLine ? yamlLine[2] : detail;
    return { message: `the values file is not valid YAML: ${reason}`, file: chartValues ?? valuesFile, line: yamlLine ? Number(yamlLine[1]) : undefined };
  }
  return { message: text };
}
