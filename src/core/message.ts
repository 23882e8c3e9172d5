/** Values a message template's `{{name}}` placeholders are filled with. */
export type MessageData = Readonly<Record<string, string | number>>;

/** The placeholder names of a template, as a type: `"{{who}} runs as {{user}}"` gives `"who" | "user"`. */
export type PlaceholdersOf<Template extends string> = Template extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

/** The `data` a report of this template must carry: one value per placeholder, or none at all. */
export type DataFor<Template extends string> = [PlaceholdersOf<Template>] extends [never]
  ? { data?: undefined }
  : { data: Readonly<Record<PlaceholdersOf<Template>, string | number>> };

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * The placeholder names of a template, in order of first use. Remembered per template: every finding's
 * message is formatted through this, and the templates are the rules' few hundred fixed strings.
 */
export function placeholdersOf(template: string): readonly string[] {
  let names = placeholderCache.get(template);
  if (names === undefined) {
    names = Object.freeze([...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]))]);
    placeholderCache.set(template, names);
  }
  return names;
}

const placeholderCache = new Map<string, readonly string[]>();

/**
 * Fills a template's placeholders. A missing value or an unused one is a bug in the rule, so it
 * throws (the engine reports it as a rule failure) rather than print a half-made message.
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  const names = placeholdersOf(template);
  const unused = Object.keys(data).filter((name) => !names.includes(name));
  if (unused.length > 0) throw new Error(`message data has values no placeholder uses: ${unused.join(", ")}`);
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`message data has no value for {{${name}}}`);
    return String(data[name]);
  });
}
