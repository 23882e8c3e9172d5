import { describe, expect, it } from "vitest";
import rule from "../../../rules/secrets/literal-credential.js";
import { entropy, isPlaceholder, looksLikeCredential, preview } from "../../../rules/secrets/detect.js";
import { optionProblem } from "../../../src/core/rule-options.js";
import { FAKE } from "../../helpers/fake-secrets.js";
import { lintWith, testRule, type ExpectedFinding } from "../../helpers/rule-tester.js";


/** A Pod whose container `app` has `entries` as env; entry i's value is on line 10 + 2i, at column 11. */
function podWithEnv(entries: ReadonlyArray<readonly [string, string, ...unknown[]]>): string {
  const env = entries.map(([name, value]) => `        - name: ${name}\n          value: ${JSON.stringify(value)}\n`).join("");
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: app:1\n      env:\n${env}`;
}

/** Real-shaped (fake) secrets under env names, with what the message must call them. */
const SECRETS: ReadonlyArray<readonly [name: string, value: string, kind: string, messageId: "knownToken" | "literalValue"]> = [
  ["AWS_ACCESS_KEY_ID", FAKE.awsKey, "AWS access key id", "knownToken"],
  ["AWS_SESSION", FAKE.awsTemporary, "AWS access key id", "knownToken"],
  ["GH_CLASSIC", FAKE.githubClassic, "GitHub token", "knownToken"],
  ["GH_OAUTH", FAKE.githubOauth, "GitHub token", "knownToken"],
  ["GH_SERVER", FAKE.githubServer, "GitHub token", "knownToken"],
  ["GH_FINE", FAKE.githubFineGrained, "GitHub token", "knownToken"],
  ["GITLAB", FAKE.gitlab, "GitLab token", "knownToken"],
  ["SLACK_BOT", FAKE.slackBot, "Slack token", "knownToken"],
  ["SLACK_USER", FAKE.slackUser, "Slack token", "knownToken"],
  ["SLACK_HOOK", FAKE.slackWebhook, "Slack webhook URL", "knownToken"],
  ["STRIPE", FAKE.stripeSecret, "Stripe key", "knownToken"],
  ["STRIPE_RESTRICTED", FAKE.stripeRestricted, "Stripe key", "knownToken"],
  ["MAPS", FAKE.googleApiKey, "Google API key", "knownToken"],
  ["SESSION", FAKE.jwt, "JWT", "knownToken"],
  ["TLS", FAKE.pem, "private key", "knownToken"],
  ["DATABASE_URL", FAKE.connection, "connection string with a password", "knownToken"],
  ["DB_PASSWORD", FAKE.password, "password", "literalValue"],
  ["API_KEY", FAKE.apiKey, "API key", "literalValue"],
  ["REDIS_AUTH", FAKE.auth, "secret", "literalValue"],
  ["apiToken", FAKE.token, "token", "literalValue"],
  ["SIGNING_PRIVATE_KEY", FAKE.hexKey, "private key", "literalValue"],
  ["OIDC_CLIENT_SECRET", FAKE.clientSecret, "secret", "literalValue"],
  ["AWS_SECRET_ACCESS_KEY", FAKE.awsSecret, "access key", "literalValue"],
];

/** Placeholders, references and look-alikes: none may fire. */
const NOT_SECRETS: ReadonlyArray<readonly [string, string]> = [
  ["DB_PASSWORD", ""],
  ["DB_PASSWORD", "changeme"],
  ["DB_PASSWORD", "CHANGEME"],
  ["DB_PASSWORD", "change-me-please"],
  ["DB_PASSWORD", "password"],
  ["DB_PASSWORD", "Password123"],
  ["APP_SECRET", "secret"],
  ["APP_SECRET", "example-Secret-1"],
  ["APP_SECRET", "dummy-Value-42"],
  ["APP_TOKEN", "test"],
  ["APP_TOKEN", "xxx"],
  ["APP_TOKEN", "xxxxxxxxxxxx"],
  ["APP_TOKEN", "***"],
  ["APP_TOKEN", "********"],
  ["DB_PASSWORD", "${DB_PASSWORD}"],
  ["DB_PASSWORD", "$(DB_PASSWORD)"],
  ["DB_PASSWORD", "$DB_PASSWORD"],
  ["DB_PASSWORD", "<your-password>"],
  ["DB_PASSWORD", "{{ .Values.db.password }}"],
  ["DB_PASSWORD", "REPLACE_ME"],
  ["DB_PASSWORD", "/run/secrets/db/password"],
  ["API_KEY", "/etc/app/keys/api.key"],
  ["API_KEY", "vault:secret/data/app#apiKey"],
  ["API_KEY", "ref+vault://secret/app#/apiKey"],
  ["API_KEY", "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-Ab12Cd"],
  ["AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"],
  ["API_KEY", "your-api-key-here"],
  ["AUTH_TOKEN", "my-secret-token"],
  ["AUTH_ENABLED", "true"],
  ["TOKEN_TTL", "10m"],
  ["DB_PASSWORD", "12345678"],
  ["PASSWORD_FILE", "/run/secrets/pw"],
  ["SECRET_NAME", "db-credentials-v2"],
  ["ETCD_AUTH_TOKEN", "jwt,priv-key=/opt/etcd/jwt.pem,sign-method=RS256,ttl=10m"],
  ["ETCD_INITIAL_CLUSTER_TOKEN", "etcd-cluster-k8s"],
  ["CA_FROM_SECRET", "default/webhook-ca"],
  ["CLIENT_SECRET_ENV", "OIDC_CLIENT_SECRET"],
  ["DATABASE_URL", "postgres://user:password@db:5432/app"],
  ["DATABASE_URL", "postgres://app:$(DB_PASSWORD)@db/app"],
  ["DATABASE_URL", "postgres://db.prod.internal:5432/app"],
  ["TLS_KEY", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"],
  ["COMMIT_SHA", "4f3c2b1a9e8d7c6b5a4f3e2d1c0b9a8f"],
  ["checksum/secret", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
  ["SSH_PUBLIC_KEY", "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"],
  ["AUTHOR", "Jane Doe"],
  ["GREETING", "ghp_short"],
  ["SESSION", "eyJhbGciOi.eyJzdWIiOi.notasignature"],
];

describe("the fixtures of this file", () => {
  it("has at least 20 real-shaped secrets and 30 placeholders or look-alikes", () => {
    expect(SECRETS.length).toBeGreaterThanOrEqual(20);
    expect(NOT_SECRETS.length).toBeGreaterThanOrEqual(30);
  });
});

describe("detection helpers", () => {
  it("measures Shannon entropy in bits per character", () => {
    expect(entropy("aaaa")).toBe(0);
    expect(entropy("abcd")).toBe(2);
  });
  it("previews at most four characters, and at most half of a short value", () => {
    expect(preview("hunter2-Prod-2024")).toBe("hunt…");
    expect(preview("abc")).toBe("a…");
  });
  it("tells placeholders and references", () => {
    expect(isPlaceholder("{{ required \"a password\" .Values.password }}")).toBe(true);
    expect(isPlaceholder("kP9#mQ2x")).toBe(false);
    expect(looksLikeCredential("kP9#mQ2x")).toBe(true);
    expect(looksLikeCredential("abcdefgh")).toBe(false);
  });
});

const envErrors: ExpectedFinding[] = SECRETS.map(([name, value, kind, messageId], i) => {
  const start = `${value.slice(0, Math.min(4, Math.floor(value.length / 2)))}…`;
  return {
    messageId,
    data: { field: `env "${name}" of container "app"`, kind, start },
    line: 10 + 2 * i,
    column: 11,
    endLine: 10 + 2 * i,
    endColumn: 11 + `value: ${JSON.stringify(value)}`.length,
  };
});

testRule(rule, {
  valid: [
    { name: "placeholders, references and look-alike values in env", yaml: podWithEnv(NOT_SECRETS) },
    {
      name: "flags whose values are references, ports or placeholders; a ConfigMap of settings",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1
      command: [mysql, -p, "$(MYSQL_PASSWORD)"]
      args: ["--password-file=/run/secrets/pw", "-p", "8080", "--token=\${TOKEN}", "--db=postgres://db:5432/app"]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    cert-manager.io/inject-ca-from-secret: default/webhook-ca
    kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"password":"changeme"}}'
data:
  LOG_LEVEL: info
  config.yaml: |
    secretEnv: OIDC_CLIENT_SECRET
    password: \${DB_PASSWORD}
    tokenPath: /var/run/secrets/token
`,
    },
    {
      name: "a SOPS-encrypted Secret in last-applied is not its data in clear",
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"kind":"Secret","metadata":{"name":"s"},"data":{"k":"ENC[AES256_GCM,data:abc]"},"sops":{"version":"3.8.1"}}'
`,
    },
  ],
  invalid: [
    { name: "real-shaped secrets in env, by shape and by name", yaml: podWithEnv(SECRETS), errors: envErrors },
    {
      name: "flags with inline and separate values, -p pairs, URLs with a password in command and args",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: migrate:1
          command: [mysql, -u, root, -p, "Hq7#vL2x9Zr"]
      containers:
        - name: app
          image: app:1
          args:
            - --db-password=Pw9xQ2vL7kZr
            - --auth-token
            - "Tq8Lm2Xv9Kp4"
            - "--db=postgres://app:Zq8vT2mK9xLp@db:5432/app"
`,
      errors: [
        {
          messageId: "literalValue",
          data: { field: 'command[4] (-p) of init container "migrate"', kind: "password", start: "Hq7#…" },
          line: 10, column: 42, endLine: 10, endColumn: 55,
        },
        {
          messageId: "literalValue",
          data: { field: 'args[0] (--db-password) of container "app"', kind: "password", start: "Pw9x…" },
          line: 15, column: 15, endLine: 15, endColumn: 41,
          message: 'args[0] (--db-password) of container "app" holds a literal password ("Pw9x…").',
        },
        {
          messageId: "literalValue",
          data: { field: 'args[2] (--auth-token) of container "app"', kind: "token", start: "Tq8L…" },
          line: 17, column: 15, endLine: 17, endColumn: 29,
        },
        {
          messageId: "knownToken",
          data: { field: 'args[3] (--db) of container "app"', kind: "connection string with a password", start: "post…" },
          line: 18, column: 15, endLine: 18, endColumn: 61,
        },
      ],
    },
    {
      name: "ConfigMap data and binaryData, annotations, and a Secret repeated in last-applied-configuration",
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app
  annotations:
    example.com/deploy-hook: ${FAKE.slackWebhook}
data:
  api_key: ${FAKE.apiKey}
  app.env: |
    LOG_LEVEL=info
    STRIPE_KEY=${FAKE.stripeSecret}
  settings.ini: |
    [db]
    password = ${FAKE.password}
  config.json: |
    {
      "clientSecret": "${FAKE.clientSecret}",
      "logLevel": "info"
    }
binaryData:
  token: ${Buffer.from(`TOKEN=${FAKE.githubClassic}\n`).toString("base64")}
---
apiVersion: v1
kind: Secret
metadata:
  name: db
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db"},"data":{"password":"aHVudGVyMi1Qcm9kLTIwMjQ=","user":"YXBw"}}'
---
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","annotations":{"x":"y"}},"spec":{"containers":[{"name":"a","env":[{"name":"API_TOKEN","value":"${FAKE.token}"}]}]}}'
`,
      errors: [
        {
          messageId: "knownToken",
          data: { field: 'annotation "example.com/deploy-hook"', kind: "Slack webhook URL", start: "http…" },
          line: 6, column: 5, endLine: 6, endColumn: 30 + FAKE.slackWebhook.length,
        },
        {
          messageId: "literalValue",
          data: { field: 'ConfigMap key "api_key"', kind: "API key", start: "q8Zr…" },
          line: 8, column: 3, endLine: 8, endColumn: 28,
        },
        {
          messageId: "knownToken",
          data: { field: 'ConfigMap key "app.env"', kind: "Stripe key", start: "sk_l…" },
          line: 9, column: 3, endLine: 12, endColumn: 1,
        },
        {
          messageId: "literalValue",
          data: { field: 'ConfigMap key "settings.ini"', kind: "password (password)", start: "hunt…" },
          line: 12, column: 3, endLine: 15, endColumn: 1,
        },
        {
          messageId: "literalValue",
          data: { field: 'ConfigMap key "config.json"', kind: "secret (clientSecret)", start: "9sd8…" },
          line: 15, column: 3, endLine: 20, endColumn: 1,
        },
        {
          messageId: "knownToken",
          data: { field: 'ConfigMap binaryData key "token"', kind: "GitHub token", start: "ghp_…" },
          line: 21, column: 3, endLine: 21, endColumn: 74,
        },
        {
          messageId: "lastAppliedSecret",
          data: { annotation: "kubectl.kubernetes.io/last-applied-configuration", secret: "db", keys: '"password", "user"' },
          line: 28, column: 5, endLine: 28, endColumn: 178,
          message: 'annotation "kubectl.kubernetes.io/last-applied-configuration" repeats the data of Secret "db" (keys "password", "user").',
        },
        {
          messageId: "literalValue",
          data: { field: 'annotation "kubectl.kubernetes.io/last-applied-configuration" (spec.containers[0].env[0].value)', kind: "token", start: "tK9m…" },
          line: 35, column: 5, endLine: 35, endColumn: 232,
        },
      ],
    },
    {
      name: "the organisation's own token patterns",
      options: { tokenPatterns: ["Acme API key=acme_[0-9a-f]{32}"] },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1
      env:
        - name: UPSTREAM
          value: acme_0123456789abcdef0123456789abcdef
`,
      errors: [
        {
          messageId: "knownToken",
          data: { field: 'env "UPSTREAM" of container "app"', kind: "Acme API key", start: "acme…" },
          line: 10, column: 11, endLine: 10, endColumn: 55,
        },
      ],
    },
  ],
});

describe("tokenPatterns", () => {
  it("refuses an item without a name or with an invalid regular expression", () => {
    expect(optionProblem(rule.meta.id, rule.meta.options, "tokenPatterns", ["acme_[0-9a-f"])).toMatch(/must be a list of name=regex strings: "acme_\[0-9a-f" is not name=regex/);
    expect(optionProblem(rule.meta.id, rule.meta.options, "tokenPatterns", ["Acme=acme_(["])).toMatch(/"Acme" has an invalid regular expression/);
    expect(optionProblem(rule.meta.id, rule.meta.options, "tokenPatterns", ["Acme=acme_[0-9a-f]{32}"])).toBeUndefined();
  });

  it("never prints a detected value in full", () => {
    const findings = lintWith(rule, podWithEnv(SECRETS));
    for (const [, value] of SECRETS) for (const finding of findings) expect(finding.message).not.toContain(value);
  });
});
