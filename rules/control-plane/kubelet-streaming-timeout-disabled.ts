import { isZeroDuration, type KubeletValue } from "./kubelet-settings.js";
import { kubeletSettingRule } from "./kubelet-setting-rule.js";

const zero = (value: KubeletValue | undefined): boolean => typeof value === "string" && isZeroDuration(value);

export default kubeletSettingRule({
  setting: { field: ["streamingConnectionIdleTimeout"], flag: "streaming-connection-idle-timeout", type: "duration" },
  defaults: { config: "4h0m0s", flags: "4h0m0s" },
  isBad: zero,
  // The v1beta1 defaulting replaces a zero duration with 4h, so only the flag can turn the timeout off.
  configReadsAsUnset: zero,
  good: "5m",
  risk: "idle exec, attach and port-forward streams are never closed",
  meta: {
    id: "kubelet-streaming-timeout-disabled",
    title: "Kubelet never closes idle streaming connections",
    severity: "low",
    category: "control-plane",
    rationale:
      "`kubectl exec`, `attach` and `port-forward` hold a stream open through the kubelet; the idle timeout closes streams nobody uses, " +
      "so a forgotten session or one left open by an intruder does not stay open for ever and the kubelet does not run out of " +
      "connections. `--streaming-connection-idle-timeout=0` turns the timeout off. In a KubeletConfiguration a zero " +
      "`streamingConnectionIdleTimeout` (`0s`) does not: the v1beta1 defaulting reads a zero duration as unset and makes it 4h, so only " +
      "the flag is reported. The default, 4h, passes.",
    remediation: "Remove `--streaming-connection-idle-timeout=0`, or set a timeout such as `5m`.",
    frameworks: [{ framework: "CIS", control: "4.2.5" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_143"], trivy: ["KCV0085"] },
    example: {
      bad: "containers:\n  - name: kubelet\n    image: registry.example.com/kubelet:v1.33.0\n    command:\n      - kubelet\n      - --config=/var/lib/kubelet/config.yaml\n      - --streaming-connection-idle-timeout=0",
      good: "containers:\n  - name: kubelet\n    image: registry.example.com/kubelet:v1.33.0\n    command:\n      - kubelet\n      - --config=/var/lib/kubelet/config.yaml\n      - --streaming-connection-idle-timeout=5m",
    },
  },
});
