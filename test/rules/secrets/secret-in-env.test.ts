import rule from "../../../rules/secrets/secret-in-env.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "a Secret mounted as a volume, ConfigMap keys and field references in env",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1
      env:
        - name: LOG_LEVEL
          valueFrom: {configMapKeyRef: {name: settings, key: level}}
        - name: NODE
          valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
        - name: PASSWORD_FILE
          value: /run/secrets/db/password
      envFrom:
        - configMapRef: {name: settings}
      volumeMounts:
        - {name: db, mountPath: /run/secrets/db, readOnly: true}
  volumes:
    - name: db
      secret: {secretName: db}
`,
    },
  ],
  invalid: [
    {
      name: "secretKeyRef in env and secretRef in envFrom, in init and app containers",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: migrate:1
          envFrom:
            - secretRef: {name: db}
      containers:
        - name: app
          image: app:1
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}
`,
      errors: [
        {
          messageId: "envFromSecret",
          data: { container: 'init container "migrate"', secret: "db" },
          line: 11, column: 15, endLine: 11, endColumn: 36,
          message: 'init container "migrate" takes every key of Secret "db" as environment variables (envFrom).',
          severity: "low",
        },
        {
          messageId: "secretKeyRef",
          data: { name: "DB_PASSWORD", container: 'container "app"', key: "password", secret: "db" },
          line: 18, column: 17, endLine: 18, endColumn: 56,
          message: 'env "DB_PASSWORD" of container "app" takes key "password" of Secret "db" as an environment variable.',
        },
      ],
    },
  ],
});
