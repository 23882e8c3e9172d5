import rule from "../../../rules/secrets/secret-data-in-manifest.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "SealedSecret and ExternalSecret are other kinds; empty and placeholder values; a SOPS-encrypted Secret",
      yaml: `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: {name: db}
spec:
  encryptedData: {password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq}
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: {name: db}
spec:
  data: [{secretKey: password, remoteRef: {key: db/password}}]
---
apiVersion: v1
kind: Secret
metadata: {name: empty}
data:
  password: ""
  user: Y2hhbmdlbWU=
stringData:
  token: REPLACE_ME
---
apiVersion: v1
kind: Secret
metadata: {name: sops}
data:
  password: ENC[AES256_GCM,data:Tr7o1g==,iv:1=,tag:2=,type:str]
sops:
  version: 3.8.1
`,
    },
    {
      name: "a chart's Secret whose values a values key feeds, or the chart generates (different in two renders)",
      originOf: () => ({ chart: "charts/db", generatedFields: [JSON.stringify(["data", "password"])] }),
      yaml: `apiVersion: v1
kind: Secret
metadata: {name: db}
data:
  password: aHVudGVyMi1Qcm9kLTIwMjQ=
`,
    },
  ],
  invalid: [
    {
      name: "data and stringData written in the file, and a service-account token Secret",
      yaml: `apiVersion: v1
kind: Secret
metadata: {name: db}
type: Opaque
data:
  password: aHVudGVyMi1Qcm9kLTIwMjQ=
  user: ""
stringData:
  api-key: q8Zr4Tx1Lm9Vb2Nc
---
apiVersion: v1
kind: Secret
metadata:
  name: ci-token
  annotations:
    kubernetes.io/service-account.name: ci
type: kubernetes.io/service-account-token
`,
      errors: [
        {
          messageId: "committedData",
          data: { secret: "db", field: "data", keys: '"password"' },
          line: 5, column: 1, endLine: 5, endColumn: 6,
          message: 'Secret "db" has data written in the manifest (keys "password"), so the values live in git.',
        },
        {
          messageId: "committedData",
          data: { secret: "db", field: "stringData", keys: '"api-key"' },
          line: 8, column: 1, endLine: 8, endColumn: 12,
        },
        {
          messageId: "serviceAccountToken",
          data: { secret: "ci-token", account: "ci", type: "kubernetes.io/service-account-token" },
          line: 17, column: 1, endLine: 17, endColumn: 42,
          message: 'Secret "ci-token" is a long-lived token of ServiceAccount "ci" (type kubernetes.io/service-account-token); use the TokenRequest API.',
        },
      ],
    },
    {
      name: "a chart's Secret whose value is written in the template (same in both renders, no values key)",
      originOf: () => ({ chart: "charts/db" }),
      yaml: `apiVersion: v1
kind: Secret
metadata: {name: db}
stringData:
  password: Pw9xQ2vL7kZr
`,
      errors: [{ messageId: "committedData", data: { secret: "db", field: "stringData", keys: '"password"' }, line: 4, column: 1, endLine: 4, endColumn: 12 }],
    },
  ],
});
