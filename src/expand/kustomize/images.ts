import { valueAtPath } from "../../core/json.js";
import type { KustomizeProvenance, Path } from "../../core/types.js";
import type { ImageOverride, KustomizationLayer, SourceLocation } from "./model.js";

/** Image name without tag or digest: `reg:5000/app:1.2@sha256:…` → `reg:5000/app`. */
function imageName(image: string): string {
  const withoutDigest = image.split("@")[0];
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}

function imageApplies(entry: ImageOverride, image: string): boolean {
  return image === entry.name || image.startsWith(`${entry.name}:`) || image.startsWith(`${entry.name}@`);
}

function applyImage(entry: ImageOverride, image: string): string {
  const [withoutDigest, digest] = image.split("@");
  const name = imageName(withoutDigest);
  const tag = withoutDigest.slice(name.length + 1) || undefined;
  const newName = entry.newName?.value ?? name;
  if (entry.digest) return `${newName}@${entry.digest.value}`;
  if (entry.newTag) return `${newName}:${entry.newTag.value}`;
  return `${newName}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
}

function imageLocation(entry: ImageOverride, file: string): SourceLocation {
  const setting = entry.newTag ?? entry.digest ?? entry.newName;
  const provenance: KustomizeProvenance = {
    kind: "images-entry",
    name: entry.name,
    ...(entry.newName && { newName: entry.newName.value }),
    ...(entry.newTag && { newTag: entry.newTag.value }),
    ...(entry.digest && { digest: entry.digest.value }),
  };
  return { file, region: setting?.region ?? entry.region, provenance };
}

export function isImagePath(body: unknown, path: Path): boolean {
  return path[path.length - 1] === "image" && typeof valueAtPath(body, path) === "string";
}

/**
 * The `images:` entry that last changed an image, replaying the layers' entries from the first
 * applied on `startImage` (the value the patch or resource gave); without a start value, the last
 * applied entry that produces the built image's name.
 */
export function imageOverride(layers: KustomizationLayer[], startImage: unknown, builtImage: string): SourceLocation | undefined {
  if (typeof startImage === "string") {
    let image = startImage;
    let last: SourceLocation | undefined;
    for (let i = layers.length - 1; i >= 0; i--) {
      for (const entry of layers[i].images) {
        if (!imageApplies(entry, image)) continue;
        image = applyImage(entry, image);
        last = imageLocation(entry, layers[i].file);
      }
    }
    return last;
  }
  const name = imageName(builtImage);
  for (const layer of layers) {
    const entry = layer.images.find((candidate) => (candidate.newName?.value ?? candidate.name) === name);
    if (entry) return imageLocation(entry, layer.file);
  }
  return undefined;
}
