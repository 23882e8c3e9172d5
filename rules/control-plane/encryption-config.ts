import { arrayOf, isRecord, stringsOf, type AppliesTo, type JsonObject, type Path } from "../../src/engine/api.js";

/** What the encryption rules read: the kinds isEncryptionConfiguration accepts. */
export const ENCRYPTION_CONFIGS: AppliesTo = { kinds: ["EncryptionConfiguration", "EncryptionConfig"] };

/** The provider types of an EncryptionConfiguration; each providers item names exactly one. */
export const PROVIDER_TYPES = ["aescbc", "aesgcm", "secretbox", "kms", "identity"] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** Providers whose keys are written in the file itself. */
export const LOCAL_KEY_PROVIDERS: readonly ProviderType[] = ["aescbc", "aesgcm", "secretbox"];

export interface Provider {
  type: ProviderType;
  config: JsonObject;
  path: Path;
}

/** One `resources` item: the resources it names and the providers that store them, first one encrypting. */
export interface ResourceEntry {
  index: number;
  resources: string[];
  providers: Provider[];
  path: Path;
}

export function resourceEntries(body: JsonObject): ResourceEntry[] {
  return arrayOf(body.resources).flatMap((entry, index) => {
    if (!isRecord(entry)) return [];
    const path: Path = ["resources", index];
    const providers = arrayOf(entry.providers).flatMap((item, at): Provider[] => {
      if (!isRecord(item)) return [];
      const type = PROVIDER_TYPES.find((name) => isRecord(item[name]));
      return type ? [{ type, config: item[type] as JsonObject, path: [...path, "providers", at] }] : [];
    });
    return [{ index, resources: stringsOf(entry.resources), providers, path }];
  });
}

/**
 * Whether a `resources` name covers `resource` of `group` ("" for the core group), as the API server
 * reads it: `resource` (core) or `resource.group`, `*.group` for a whole group, `*.` for the core group, `*.*` for everything.
 */
export function covers(name: string, group: string, resource: string): boolean {
  if (name === "*.*") return true;
  const dot = name.indexOf(".");
  const [nameResource, nameGroup] = dot === -1 ? [name, ""] : [name.slice(0, dot), name.slice(dot + 1)];
  return nameGroup === group && (nameResource === resource || nameResource === "*");
}

/** The entry that decides how a resource is stored: the first one that covers it (the API server reads them in order). */
export function decidingEntry(entries: readonly ResourceEntry[], group: string, resource: string): ResourceEntry | undefined {
  return entries.find((entry) => entry.resources.some((name) => covers(name, group, resource)));
}

/** An entry's resources as a message names them, e.g. `secrets, configmaps`. */
export function describeResources(entry: ResourceEntry): string {
  return entry.resources.join(", ");
}
