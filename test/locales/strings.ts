// Every string a translation says, by key path: each function term called with a sample number and text (enough
// for a term to show its words; translations.test.ts calls each with its own samples).
export function strings(node: unknown, prefix = ''): Array<[key: string, text: string]> {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') return [[path, value]];
    if (typeof value === 'function') return [[path, String(value(2, 'DE123456789'))]];
    return value && typeof value === 'object' ? strings(value, path) : [];
  });
}
