/** Secrets of every shape the secrets rules know, made up here (none is real) and built at run time so no scanner mistakes the file for a leak. */
const alnum = (seed: string, length: number): string => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
const b64url = (json: object): string => Buffer.from(JSON.stringify(json)).toString("base64url");
export const FAKE = {
  awsKey: ["AKIA", "Q3ZJ7K2M5N8P4R6T"].join(""),
  awsTemporary: ["ASIA", "W9X8V7U6T5S4R3Q2"].join(""),
  githubClassic: `ghp_${alnum("a8Kd3LqZ0xVb7Nm2", 36)}`,
  githubOauth: `gho_${alnum("Zr5Tq1Wm8Xk3Pn6J", 36)}`,
  githubServer: `ghs_${alnum("Hf4Dj7Ks2La9Qw1E", 36)}`,
  githubFineGrained: `github_pat_${alnum("11ABCDEFG0", 22)}_${alnum("x7Yz3Qw9Er5Ty1Ui", 59)}`,
  gitlab: `glpat-${alnum("x9Rk2Lm7Qv4Tb8Nz", 20)}`,
  slackBot: `xoxb-123456789012-1234567890123-${alnum("AbCdEfGh12", 24)}`,
  slackUser: `xoxp-223456789012-2234567890123-${alnum("ZyXwVu98", 32)}`,
  slackWebhook: `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${alnum("aBcDeFgH1jKl", 24)}`,
  stripeSecret: `sk_live_${alnum("4eC39HqLyjWDarjtT1zdp7dc", 24)}`,
  stripeRestricted: `rk_live_${alnum("9fD28GpKxiVCbqisS0yco6cb", 24)}`,
  googleApiKey: `AIza${alnum("Sy9Dk3Lq7Zx1Vb5Nm8Qw2Er4Ty6Ui0Op3As", 35)}`,
  jwt: `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ sub: "1234567890", name: "kubeward" })}.${alnum("SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV", 43)}`,
  pem: `-----BEGIN RSA PRIVATE KEY-----\n${alnum("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun", 64)}\n-----END RSA PRIVATE KEY-----`,
  connection: ["postgres://app:", "Zq8vT2mK9xLp", "@db.prod.internal:5432/app"].join(""),
  password: ["hunter2-", "Prod", "-2024"].join(""),
  apiKey: ["q8Zr4Tx1", "Lm9Vb2Nc"].join(""),
  auth: ["Xk7#pQ2!", "vR9z"].join(""),
  token: ["tK9mQ2xV", "7bN4pL8r"].join(""),
  hexKey: ["4f3c2b1a9e8d7c6b", "5a4f3e2d1c0b9a8f"].join(""),
  clientSecret: ["9sd8f7G6", "h5J4k3L2"].join(""),
  awsSecret: ["Zx9Lq2Vt7Rk4Nm8Pb3Hc", "6Jd1Fg5Sa0We2Yu4Io6"].join(""),
} as const;
