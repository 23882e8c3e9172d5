/**
 * Each Kubernetes CEL library, table-driven from its documented examples: "Common Expression Language
 * in Kubernetes" (https://kubernetes.io/docs/reference/using-api/cel/) and the godoc of
 * k8s.io/apiserver/pkg/cel/library it links for each library (URLs, IP, CIDR, Quantity, SemverLib,
 * Format, Authz).
 */
import { describe, expect, it } from "vitest";
import { evalError, expectErrors, expectTable, value } from "./helpers.js";

describe("URL library", () => {
  it("accepts absolute URIs and absolute paths only", () => {
    expectTable([
      ["isURL('https://user:pass@example.com:80/path?query=val#fragment')", true],
      ["isURL('/absolute-path')", true],
      ["isURL('https://a:b:c/')", false],
      ["isURL('../relative-path')", false],
      ["type(url('https://user:pass@example.com:80/path?query=val#fragment')) == map", true],
      ["url('/absolute-path') == url('/absolute-path')", true],
    ]);
    expectErrors([
      ["url('https://a:b:c/')", "URL parse error during conversion from string"],
      ["url('../relative-path')", "invalid URI for request"],
    ]);
  });

  it("takes URLs apart as documented", () => {
    expectTable([
      ["url('/path').getScheme()", ""],
      ["url('https://example.com/').getScheme()", "https"],
      ["url('https://example.com:80/').getHost()", "example.com:80"],
      ["url('https://example.com/').getHost()", "example.com"],
      ["url('https://[::1]:80/').getHost()", "[::1]:80"],
      ["url('https://[::1]/').getHost()", "[::1]"],
      ["url('/path').getHost()", ""],
      ["url('https://example.com:80/').getHostname()", "example.com"],
      ["url('https://127.0.0.1:80/').getHostname()", "127.0.0.1"],
      ["url('https://[::1]:80/').getHostname()", "::1"],
      ["url('/path').getHostname()", ""],
      ["url('https://example.com:80/').getPort()", "80"],
      ["url('https://example.com/').getPort()", ""],
      ["url('/path').getPort()", ""],
      ["url('https://example.com/path').getEscapedPath()", "/path"],
      ["url('https://example.com/path with spaces/').getEscapedPath()", "/path%20with%20spaces/"],
      ["url('https://example.com').getEscapedPath()", ""],
      ["url('https://example.com/path?k1=a&k2=b&k2=c').getQuery()", { k1: ["a"], k2: ["b", "c"] }],
      ["url('https://example.com/path?key with spaces=value with spaces').getQuery()", { "key with spaces": ["value with spaces"] }],
      ["url('https://example.com/path?').getQuery()", {}],
      ["url('https://example.com/path').getQuery()", {}],
      ["url('https://example.com/a?x=1#frag').getQuery()", { x: ["1"] }],
    ]);
  });
});

describe("IP address library", () => {
  it("parses addresses as documented", () => {
    expectTable([
      ["isIP('127.0.0.1')", true],
      ["isIP('::1')", true],
      ["isIP('127.0.0.256')", false],
      ["isIP(':::1')", false],
      ["isIP('127.0.0.01')", false],
      ["isIP('::ffff:1.2.3.4')", false],
      ["isIP('fe80::1%eth0')", false],
      ["ip.isCanonical('127.0.0.1')", true],
      ["ip.isCanonical('2001:db8::abcd')", true],
      ["ip.isCanonical('2001:DB8::ABCD')", false],
      ["ip.isCanonical('2001:db8::0:0:0:abcd')", false],
      ["string(ip('2001:DB8:0:0:0::ABCD'))", "2001:db8::abcd"],
    ]);
    expectErrors([
      ["ip('127.0.0.256')", "parse error"],
      ["ip(':::1')", "parse error"],
      ["ip('::ffff:1.2.3.4')", "IPv4-mapped IPv6 address"],
      ["ip('fe80::1%eth0')", "with zone value is not allowed"],
    ]);
  });

  it("answers family and address-class questions as documented", () => {
    expectTable([
      ["ip('127.0.0.1').family()", 4],
      ["ip('::1').family()", 6],
      ["ip('127.0.0.1').family() == 4", true],
      ["ip('::1').family() == 6", true],
      ["ip('0.0.0.0').isUnspecified()", true],
      ["ip('127.0.0.1').isUnspecified()", false],
      ["ip('::').isUnspecified()", true],
      ["ip('::1').isUnspecified()", false],
      ["ip('127.0.0.1').isLoopback()", true],
      ["ip('192.168.0.1').isLoopback()", false],
      ["ip('::1').isLoopback()", true],
      ["ip('2001:db8::abcd').isLoopback()", false],
      ["ip('224.0.0.1').isLinkLocalMulticast()", true],
      ["ip('224.0.1.1').isLinkLocalMulticast()", false],
      ["ip('ff02::1').isLinkLocalMulticast()", true],
      ["ip('fd00::1').isLinkLocalMulticast()", false],
      ["ip('169.254.169.254').isLinkLocalUnicast()", true],
      ["ip('192.168.0.1').isLinkLocalUnicast()", false],
      ["ip('fe80::1').isLinkLocalUnicast()", true],
      ["ip('fd80::1').isLinkLocalUnicast()", false],
      ["ip('192.168.0.1').isGlobalUnicast()", true],
      ["ip('255.255.255.255').isGlobalUnicast()", false],
      ["ip('2001:db8::abcd').isGlobalUnicast()", true],
      ["ip('ff00::1').isGlobalUnicast()", false],
    ]);
  });
});

describe("CIDR library", () => {
  it("parses CIDRs as documented", () => {
    expectTable([
      ["isCIDR('192.168.0.0/16')", true],
      ["isCIDR('::1/128')", true],
      ["isCIDR('192.168.0.0/33')", false],
      ["isCIDR('::1/129')", false],
    ]);
    expectErrors([
      ["cidr('192.168.0.0/33')", "network address parse error"],
      ["cidr('::1/129')", "network address parse error"],
    ]);
  });

  it("answers containment and parts as documented", () => {
    expectTable([
      ["cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true],
      ["cidr('192.168.0.0/24').containsIP(ip('192.168.1.1'))", false],
      ["cidr('192.168.0.0/24').containsIP('192.168.0.1')", true],
      ["cidr('192.168.0.0/24').containsIP('192.168.1.1')", false],
      ["cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))", true],
      ["cidr('192.168.1.0/24').containsCIDR(cidr('192.168.2.0/24'))", false],
      ["cidr('192.168.0.0/16').containsCIDR('192.168.10.0/24')", true],
      ["cidr('192.168.1.0/24').containsCIDR('192.168.2.0/24')", false],
      ["cidr('192.168.0.0/24').containsCIDR('192.168.0.0/16')", false],
      ["cidr('192.168.0.0/24').containsIP('::1')", false],
      // The godoc lists cidr('192.168.0.1/16') as an error, yet its other examples (and the code,
      // netip.ParsePrefix) accept an address with host bits: masked() exists for them.
      ["cidr('192.168.0.1/24').ip() == ip('192.168.0.1')", true],
      ["cidr('192.168.0.1/24').ip().family()", 4],
      ["cidr('::1/128').ip() == ip('::1')", true],
      ["cidr('::1/128').ip().family()", 6],
      ["cidr('192.168.0.0/24').masked() == cidr('192.168.0.0/24')", true],
      ["cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')", true],
      ["cidr('192.168.0.0/24') == cidr('192.168.0.0/24').masked()", true],
      ["cidr('192.168.0.1/24') == cidr('192.168.0.1/24').masked()", false],
      ["cidr('192.168.0.0/16').prefixLength()", 16],
      ["cidr('::1/128').prefixLength()", 128],
      ["string(cidr('10.1.2.3/8').masked())", "10.0.0.0/8"],
    ]);
  });
});

describe("Quantity library", () => {
  it("parses quantities as documented", () => {
    expectTable([
      ["isQuantity('1.3G')", true],
      ["isQuantity('1.3Gi')", true],
      ["isQuantity('1,3G')", false],
      ["isQuantity('10000k')", true],
      ["isQuantity('200K')", false],
      ["isQuantity('Three')", false],
      ["isQuantity('Mi')", false],
      ["isQuantity('1e3')", true],
      ["isQuantity('500m')", true],
      ["isQuantity('-1.5Ei')", true],
      ["quantity('1.5G') == quantity('1500M')", true],
      ["quantity('200k') == quantity('200000')", true],
      ["quantity('1Ki') == quantity('1024')", true],
      ["quantity('1e3') == quantity('1k')", true],
    ]);
    expectErrors([
      ["quantity('200K')", "quantities must match the regular expression"],
      ["quantity('Three')", "quantities must match"],
      ["quantity('Mi')", "quantities must match"],
    ]);
  });

  it("converts to scalars as documented", () => {
    expectTable([
      ['quantity("50000000G").isInteger()', true],
      ['quantity("50k").isInteger()', true],
      ['quantity("9999999999999999999999999999999999999G").isInteger()', false],
      ['quantity("50k").asInteger() == 50000', true],
      ['quantity("50k").sub(20000).asApproximateFloat() == 30000.0', true],
      ['quantity("500m").isInteger()', false],
      ['quantity("1.5Gi").asApproximateFloat()', 1610612736],
    ]);
    expectErrors([['quantity("9999999999999999999999999999999999999G").asInteger()', "cannot convert value to integer"]]);
  });

  it("does arithmetic as documented", () => {
    expectTable([
      // The godoc writes add("20k") / sub("20k"); Kubernetes declares only quantity and int operands
      // (a string is a type error there, and here), so the examples are written with quantity():
      ['quantity("50k").add(quantity("20k")) == quantity("70k")', true],
      ['quantity("50k").add(20) == quantity("50020")', true],
      ['quantity("50k").sub(quantity("20k")) == quantity("30k")', true],
      ['quantity("50k").sub(20000) == quantity("30k")', true],
      ['quantity("50k").add(20).sub(quantity("100k")).sub(-50000) == quantity("20")', true],
      ['quantity("5").sign()', 1],
      ['quantity("-5").sign()', -1],
      ['quantity("0").sign()', 0],
    ]);
    expect(evalError('quantity("50k").add("20k")').message).toContain("no matching overload for 'add'");
  });

  it("compares as documented", () => {
    expectTable([
      ['quantity("200M").compareTo(quantity("0.2G"))', 0],
      ['quantity("50M").compareTo(quantity("50Mi"))', -1],
      ['quantity("50Mi").compareTo(quantity("50M"))', 1],
      ['quantity("150Mi").isGreaterThan(quantity("100Mi"))', true],
      ['quantity("50Mi").isGreaterThan(quantity("100Mi"))', false],
      ['quantity("50M").isLessThan(quantity("100M"))', true],
      ['quantity("100M").isLessThan(quantity("50M"))', false],
    ]);
  });

  it("reads container resources the way policies do", () => {
    const object = { spec: { containers: [{ resources: { limits: { memory: "512Mi", cpu: "500m" } } }] } };
    expect(value("object.spec.containers.all(c, quantity(c.resources.limits.memory).isLessThan(quantity('1Gi')))", { object })).toBe(true);
    expect(value("quantity(object.spec.containers[0].resources.limits.cpu).compareTo(quantity('1')) < 0", { object })).toBe(true);
  });
});

describe("Semver library", () => {
  it("parses versions as documented", () => {
    expectTable([
      ["isSemver('1.0.0')", true],
      ["isSemver('hello')", false],
      ["isSemver('v1.0')", false],
      ["isSemver('v1.0', true)", true],
      ["isSemver('1.0', true)", true],
      ["isSemver('01.01.01', true)", true],
      ["isSemver('0.1.0-alpha.1')", true],
      ["isSemver('01.0.0')", false],
      ["semver('v1.0.0', true) == semver('1.0.0')", true],
      ["semver('1.0', true) == semver('1.0.0')", true],
      ["semver('01.01.01', true) == semver('1.1.1')", true],
      ["semver('1.2.3+build.1') == semver('1.2.3')", true],
    ]);
    expectErrors([
      ["semver('200K')", "No Major.Minor.Patch"],
      ["semver('Three')", "No Major.Minor.Patch"],
      ["semver('Mi')", "No Major.Minor.Patch"],
      ["semver('1.0-beta', true)", "short version cannot contain PreRelease/Build meta data"],
    ]);
  });

  it("reads parts and compares as documented", () => {
    expectTable([
      ['semver("1.2.3").major()', 1],
      ['semver("1.2.3").minor()', 2],
      ['semver("1.2.3").patch()', 3],
      ['semver("1.2.3").compareTo(semver("1.2.3"))', 0],
      ['semver("1.2.3").compareTo(semver("2.0.0"))', -1],
      ['semver("1.2.3").compareTo(semver("0.1.2"))', 1],
      ['semver("2.0.0").isGreaterThan(semver("1.9.9"))', true],
      ['semver("1.2.3").isLessThan(semver("2.0.0"))', true],
      // semver.org precedence: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0
      [
        "cel.bind(v, ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'].map(s, semver(s)), lists.range(7).all(i, v[i].isLessThan(v[i + 1])))",
        true,
      ],
      ["semver('1.0.0-alpha').isLessThan(semver('1.0.0-alpha.1')) && semver('1.0.0-beta.2').isLessThan(semver('1.0.0-beta.11')) && semver('1.0.0-rc.1').isLessThan(semver('1.0.0'))", true],
    ]);
  });
});

describe("Format library", () => {
  it("validates the documented examples as valid", () => {
    expectTable([
      ["format.dns1123Label().validate('my-label-name').hasValue()", false],
      ["format.dns1123Subdomain().validate('apiextensions.k8s.io').hasValue()", false],
      ["format.dns1035Label().validate('my-label-name').hasValue()", false],
      ["format.qualifiedName().validate('apiextensions.k8s.io/v1beta1').hasValue()", false],
      ["format.dns1123LabelPrefix().validate('my-label-prefix-').hasValue()", false],
      ["format.dns1123SubdomainPrefix().validate('mysubdomain.prefix.-').hasValue()", false],
      ["format.dns1035LabelPrefix().validate('my-label-prefix-').hasValue()", false],
      ["format.uri().validate('http://example.com').hasValue()", false],
      ["format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()", false],
      ["format.byte().validate('aGVsbG8=').hasValue()", false],
      ["format.date().validate('2021-01-01').hasValue()", false],
      ["format.datetime().validate('2021-01-01T00:00:00Z').hasValue()", false],
      ["format.labelValue().validate('').hasValue()", false],
      ["format.named('dns1123Label').value().validate('my-name').hasValue()", false],
    ]);
  });

  it("returns the list of problems for invalid values", () => {
    expectTable([
      ["format.dns1123Label().validate('My_Name').hasValue()", true],
      ["format.dns1123Label().validate('abc-').hasValue()", true],
      ["format.dns1123Label().validate('-abc').value().size()", 1],
      ["format.dns1035Label().validate('1abc').hasValue()", true],
      ["format.dns1123Subdomain().validate('Example.com').hasValue()", true],
      ["format.qualifiedName().validate('/name').value()", ["prefix part must be non-empty"]],
      ["format.qualifiedName().validate('a/b/c').hasValue()", true],
      ["format.labelValue().validate('-bad').hasValue()", true],
      ["format.uri().validate('not a uri').hasValue()", true],
      ["format.uuid().validate('123').value()", ["does not match the UUID format"]],
      ["format.byte().validate('aGVsbG8').value()", ["invalid base64"]],
      ["format.date().validate('2021-02-30').value()", ["invalid date"]],
      ["format.datetime().validate('2021-01-01 00:00').value()", ["invalid datetime"]],
      ["format.named('nope').hasValue()", false],
      ["format.dns1123Label().validate('abc') == optional.none()", true],
    ]);
    expect(value("format.dns1123Label().validate('My_Name').value()")).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(value("format.dns1123Label().validate(object).value()", { object: "a".repeat(64) })).toEqual(["must be no more than 63 characters"]);
  });
});

describe("optional values", () => {
  it("behaves as cel-go's optional library", () => {
    expectTable([
      ["optional.of(1).hasValue()", true],
      ["optional.of(1).value()", 1],
      ["optional.none().hasValue()", false],
      ["optional.none().orValue(5)", 5],
      ["optional.of(2).orValue(5)", 2],
      ["optional.none().or(optional.of(3)).value()", 3],
      ["optional.ofNonZeroValue('').hasValue()", false],
      ["optional.ofNonZeroValue([1]).hasValue()", true],
      ["optional.of(1) == optional.of(1)", true],
      ["optional.none() == optional.none()", true],
      ["optional.of(1) == optional.none()", false],
    ]);
    expectErrors([["optional.none().value()", "optional.none() dereference"]]);
  });
});

describe("Authz library", () => {
  it("compiles the documented expressions but reports them as unavailable offline", () => {
    for (const expression of [
      "authorizer.group('').resource('pods').namespace('default').check('create').allowed()",
      "authorizer.path('/healthz').check('get').allowed()",
      "authorizer.serviceAccount('default', 'myserviceaccount').resource('deployments').check('delete').allowed()",
    ]) {
      const error = evalError(expression);
      expect(error.functionName, expression).toBe("authorizer");
      expect(error.message, expression).toContain("authorization checks cannot be evaluated offline");
    }
  });

  it("lets a policy that does not reach the authorizer evaluate", () => {
    expect(value("true || authorizer.group('').resource('pods').check('get').allowed()")).toBe(true);
  });
});
