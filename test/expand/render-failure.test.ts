import { describe, expect, it } from "vitest";
import { parseHelmFailure } from "../../src/expand/helm/render-failure.js";

/** helm's standard error as Helm 4.1 and Helm 3.17 print it (recorded from real runs). */
const HINT = "\n\nUse --debug flag to render out invalid YAML\n";

describe("parseHelmFailure: helm's error output → reason and place", () => {
  it("reads Helm 4's multi-line execution error and Helm 3's one-line form alike, at the innermost chart frame, naming the includes", () => {
    const helm4 =
      "Error: web/templates/cm.yaml:4:11\n" +
      '  executing "web/templates/cm.yaml" at <include "a" .>:\n' +
      "    error calling include:\n" +
      "web/templates/_helpers.tpl:2:3\n" +
      '  executing "a" at <include "b" .>:\n' +
      "    error calling include:\n" +
      "web/templates/_helpers.tpl:5:12\n" +
      '  executing "b" at <.Values.x.y>:\n' +
      "    nil pointer evaluating interface {}.y" +
      HINT;
    const helm3 =
      'Error: template: web/templates/cm.yaml:4:11: executing "web/templates/cm.yaml" at <include "a" .>: error calling include: ' +
      'template: web/templates/_helpers.tpl:2:3: executing "a" at <include "b" .>: error calling include: ' +
      'template: web/templates/_helpers.tpl:5:12: executing "b" at <.Values.x.y>: nil pointer evaluating interface {}.y' +
      HINT;
    const expected = {
      message: 'executing "b" at <.Values.x.y>: nil pointer evaluating interface {}.y; included from templates/_helpers.tpl:2, which is included from templates/cm.yaml:4',
      file: "templates/_helpers.tpl",
      line: 5,
      byteOffset: 12,
      helmPath: "web/templates/_helpers.tpl",
    };
    expect(parseHelmFailure(helm4, 1)).toEqual(expected);
    expect(parseHelmFailure(helm3, 1)).toEqual(expected);
  });

  it("leaves out the executing template's name when it is the file itself, and skips warnings before the error", () => {
    const stderr = 'level=WARN msg="unable to find exact version"\nError: web/charts/db/templates/svc.yaml:7:23\n  executing "web/charts/db/templates/svc.yaml" at <.Values.ports.https>:\n    nil pointer evaluating interface {}.https' + HINT;
    expect(parseHelmFailure(stderr, 1)).toMatchObject({
      message: "at <.Values.ports.https>: nil pointer evaluating interface {}.https",
      file: "charts/db/templates/svc.yaml",
      line: 7,
      byteOffset: 23,
    });
  });

  it("places an error inside a `tpl` string at the `tpl` call, keeping the rest of helm's reason", () => {
    const stderr =
      'Error: template: web/templates/cm.yaml:6:11: executing "web/templates/cm.yaml" at <tpl .Values.t .>: error calling tpl: error during tpl function execution for "{{ .Values.nope.x }}": template: gotpl:1:10: executing "gotpl" at <.Values.nope.x>: nil pointer evaluating interface {}.x' +
      HINT;
    expect(parseHelmFailure(stderr, 1)).toMatchObject({
      message: 'at <tpl .Values.t .>: error calling tpl: error during tpl function execution for "{{ .Values.nope.x }}": template: gotpl:1:10: executing "gotpl" at <.Values.nope.x>: nil pointer evaluating interface {}.x',
      file: "templates/cm.yaml",
      line: 6,
      byteOffset: 11,
    });
  });

  it("reads an include of a missing template the same from both versions", () => {
    const helm4 = 'Error: web/templates/cm.yaml:4:11\n  executing "web/templates/cm.yaml" at <include "nope" .>:\n    error calling include:\ntemplate: no template "nope" associated with template "gotpl"' + HINT;
    const helm3 = 'Error: template: web/templates/cm.yaml:4:11: executing "web/templates/cm.yaml" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl"' + HINT;
    const expected = { message: 'at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl"', line: 4, byteOffset: 11 };
    expect(parseHelmFailure(helm4, 1)).toMatchObject(expected);
    expect(parseHelmFailure(helm3, 1)).toMatchObject(expected);
  });

  it("keeps the chart's own words for fail and required, at the action that called them", () => {
    expect(parseHelmFailure(`Error: execution error at (web/templates/cm.yaml:6:11): database.host is required${HINT}`, 1)).toEqual({
      message: "database.host is required",
      file: "templates/cm.yaml",
      line: 6,
      byteOffset: 11,
      helmPath: "web/templates/cm.yaml",
    });
  });

  it("puts a parse error on its line, with the undefined function's name to find the column by", () => {
    expect(parseHelmFailure(`Error: parse error at (web/templates/_helpers.tpl:2): function "nofunc" not defined${HINT}`, 1)).toEqual({
      message: 'the template does not parse: function "nofunc" not defined',
      file: "templates/_helpers.tpl",
      line: 2,
      token: "nofunc",
      helmPath: "web/templates/_helpers.tpl",
    });
  });

  it("puts an unclosed action where it opens, not where the file ends", () => {
    expect(parseHelmFailure(`Error: parse error at (web/templates/cm.yaml:5): unclosed action started at web/templates/cm.yaml:4${HINT}`, 1)).toMatchObject({
      message: "the template does not parse: unclosed action started at templates/cm.yaml:4",
      file: "templates/cm.yaml",
      line: 4,
    });
  });

  it("keeps the rendered line of invalid YAML apart from template lines", () => {
    const stderr = `Error: YAML parse error on web/templates/cm.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context${HINT}`;
    expect(parseHelmFailure(stderr, 1)).toEqual({
      message: "the template rendered invalid YAML: mapping values are not allowed in this context",
      file: "templates/cm.yaml",
      renderedLine: 7,
      helmPath: "web/templates/cm.yaml",
    });
  });

  it("says in the same words for both versions that a template renders something other than a mapping", () => {
    const helm4 = "Error: YAML parse error on web/templates/cm.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type util.SimpleHead";
    const helm3 = "Error: YAML parse error on web/templates/cm.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type releaseutil.SimpleHead";
    const expected = { message: "the template renders a YAML string, not a Kubernetes object (a mapping with apiVersion and kind)", file: "templates/cm.yaml", helmPath: "web/templates/cm.yaml" };
    expect(parseHelmFailure(helm4, 1)).toEqual(expected);
    expect(parseHelmFailure(helm3, 1)).toEqual(expected);
  });

  it("puts invalid YAML in the chart's values.yaml or a --values file on that file's line", () => {
    const helm4 = "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: did not find expected node content";
    const helm3 = "Error: cannot load values.yaml: error converting YAML to JSON: yaml: line 2: did not find expected node content";
    for (const stderr of [helm4, helm3]) {
      expect(parseHelmFailure(stderr, 1)).toEqual({ message: "the values file is not valid YAML: did not find expected node content", file: "values.yaml", line: 2 });
    }
    expect(parseHelmFailure("Error: failed to parse /srv/ci/prod.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content", 1)).toEqual({
      message: "the values file is not valid YAML: did not find expected node content",
      file: "/srv/ci/prod.yaml",
      line: 1,
    });
  });

  it("joins an error helm spreads over lines, and falls back to the first line or the exit code", () => {
    const schema = "Error: values don't meet the specifications of the schema(s) in the following chart(s):\nweb:\n- at '/port': got string, want integer\n" + HINT;
    expect(parseHelmFailure(schema, 1)).toEqual({ message: "values don't meet the specifications of the schema(s) in the following chart(s): web: - at '/port': got string, want integer" });
    expect(parseHelmFailure("ENOENT: spawn helm\n", 127)).toEqual({ message: "ENOENT: spawn helm" });
    expect(parseHelmFailure("", 2)).toEqual({ message: "helm exited with code 2" });
  });

  it("names a dependency missing from charts/ at Chart.yaml", () => {
    const stderr = "Error: An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: redis\n";
    expect(parseHelmFailure(stderr, 1)).toEqual({
      message: "dependency redis is declared in Chart.yaml but missing from charts/; run `helm dependency build` or pass --helm-dependency-update",
      file: "Chart.yaml",
    });
  });
});
