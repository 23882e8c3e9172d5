import { describe, expect, it } from "vitest";
import { fasterKeyGeneration } from "../../src/expand/helm/key-generation.js";

const FAST_KEY = '(genPrivateKey "ecdsa")';

describe("fasterKeyGeneration: RSA and DSA key generators of a template made with P-256 keys", () => {
  it("asks genPrivateKey for an ECDSA key instead of an RSA or DSA one", () => {
    expect(fasterKeyGeneration('key: {{ genPrivateKey "rsa" | b64enc }}')).toBe('key: {{ genPrivateKey "ecdsa" | b64enc }}');
    expect(fasterKeyGeneration('{{- $k := genPrivateKey  "dsa" -}}')).toBe('{{- $k := genPrivateKey  "ecdsa" -}}');
    expect(fasterKeyGeneration('{{ genPrivateKey "ed25519" }} {{ genPrivateKey .Values.keyType }}')).toBe('{{ genPrivateKey "ed25519" }} {{ genPrivateKey .Values.keyType }}');
  });

  it("gives each certificate generator its …WithKey variant and a P-256 key after its arguments", () => {
    expect(fasterKeyGeneration('{{- $ca := genCA "nginx-ca" 365 }}')).toBe(`{{- $ca := genCAWithKey "nginx-ca" 365 ${FAST_KEY} }}`);
    expect(fasterKeyGeneration('{{ $c := genSelfSignedCert "cn" nil nil 365 }}')).toBe(`{{ $c := genSelfSignedCertWithKey "cn" nil nil 365 ${FAST_KEY} }}`);
    const signed = '  {{- $cert := genSignedCert (include "x.name" .) nil (list (printf "%s.%s" (include "x.name" .) "svc")) 365 $ca -}}';
    expect(fasterKeyGeneration(signed)).toBe(
      `  {{- $cert := genSignedCertWithKey (include "x.name" .) nil (list (printf "%s.%s" (include "x.name" .) "svc")) 365 $ca ${FAST_KEY} -}}`,
    );
  });

  it("rewrites calls in parentheses, with fields after them, and calls nested in another's arguments", () => {
    expect(fasterKeyGeneration('{{ (genCA "db" 365).Key | b64enc }}')).toBe(`{{ (genCAWithKey "db" 365 ${FAST_KEY}).Key | b64enc }}`);
    expect(fasterKeyGeneration('{{ genSignedCert "x" nil nil 365 (genCA "ca" 365) }}')).toBe(
      `{{ genSignedCertWithKey "x" nil nil 365 (genCAWithKey "ca" 365 ${FAST_KEY}) ${FAST_KEY} }}`,
    );
  });

  it("leaves a call it cannot read for certain: an argument piped in, a count that differs, an unclosed string", () => {
    for (const template of ['{{ 365 | genCA "ca" }}', '{{ genCA "ca" }}', '{{ genSignedCert "x" nil nil 365 $ca "extra" }}', '{{ genCA "ca 365 }}']) {
      expect(fasterKeyGeneration(template)).toBe(template);
    }
  });

  it("changes actions only: not text outside them, strings, comments, fields or variables of the same name", () => {
    const template = [
      'note: genCA "a" 365 and genPrivateKey "rsa"',
      '{{ include "genCA" . }} {{ printf "genPrivateKey \\"rsa\\"" }}',
      '{{/* genCA "a" 365 */}}',
      "{{ .Values.genCA }} {{ $genCA }} {{ $x.genPrivateKey }}",
    ].join("\n");
    expect(fasterKeyGeneration(template)).toBe(template);
  });
});
