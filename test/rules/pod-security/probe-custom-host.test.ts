import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/probe-custom-host.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "probes and hooks without a host, or with an empty one",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      livenessProbe:
        httpGet: {path: /healthz, port: 8080, httpHeaders: [{name: Host, value: example.com}]}
      readinessProbe:
        tcpSocket: {host: "", port: 8080}
      lifecycle:
        preStop:
          exec: {command: [sleep, "5"]}
`,
    },
  ],
  invalid: [
    {
      name: "every probe and hook kind",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: a:1
      livenessProbe:
        httpGet:
          host: 169.254.169.254
          path: /latest/meta-data
          port: 80
      readinessProbe:
        tcpSocket: {host: "", port: 8080}
      startupProbe:
        tcpSocket: {host: db.internal, port: 5432}
      lifecycle:
        preStop:
          httpGet: {host: localhost, path: /shutdown, port: 10250}
`,
      errors: [
        { messageId: "customHost", data: { container: "container \"web\"", handler: "livenessProbe", action: "httpGet", host: "169.254.169.254" }, line: 10, column: 11, endLine: 10, endColumn: 32, message: 'container "web" livenessProbe httpGet targets host "169.254.169.254".' },
        { messageId: "customHost", data: { container: "container \"web\"", handler: "startupProbe", action: "tcpSocket", host: "db.internal" }, line: 16, column: 21, endLine: 16, endColumn: 38, message: 'container "web" startupProbe tcpSocket targets host "db.internal".' },
        { messageId: "customHost", data: { container: "container \"web\"", handler: "lifecycle.preStop", action: "httpGet", host: "localhost" }, line: 19, column: 21, endLine: 19, endColumn: 36, message: 'container "web" lifecycle.preStop httpGet targets host "localhost".' },
      ],
    },
    {
      name: "Deployment sidecar init container",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
        - name: proxy
          image: a:1
          restartPolicy: Always
          startupProbe:
            httpGet: {host: 10.0.0.1, port: 15021}
      containers: [{name: app, image: a:1}]
`,
      errors: [{ messageId: "customHost", data: { container: "init container \"proxy\"", handler: "startupProbe", action: "httpGet", host: "10.0.0.1" }, line: 12, column: 23, endLine: 12, endColumn: 37, message: 'init container "proxy" startupProbe httpGet targets host "10.0.0.1".' }],
    },
  ],
});

it("probe-custom-host reads wrongly typed probes as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      livenessProbe: "http://10.0.0.1/"
      readinessProbe: {httpGet: {host: [10.0.0.1], port: 80}}
      lifecycle: [preStop]
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
