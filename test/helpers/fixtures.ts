// Node-side access to the recorded Quaderno traffic and the seed document (copied from shared/ into test/fixtures).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The JSON examples of the seed document, as parsed by JSON.parse (a duplicated key keeps its last value). */
export function seedExamples(): unknown[] {
  const doc = readFileSync(`${dir}checkout-sessions-api.md`, 'utf8');
  return [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
}

/** The 21 sessions decoded from the recorded list response. */
export function recordedSessionList(): unknown[] {
  return JSON.parse(readFileSync(`${dir}recorded/sessions-list.json`, 'utf8'));
}

export interface RecordedInteraction {
  file: string;
  method: string;
  uri: string;
  requestBody: string;
  status: number;
  responseBody: string;
}

// why: the cassettes are regular VCR YAML and no YAML parser is a dependency; single-quoted scalars double their quotes.
function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1).replace(/''/g, "'");
  return trimmed;
}

/** Every HTTP interaction recorded by Quaderno's Ruby client, in file order. */
export function recordedInteractions(): RecordedInteraction[] {
  const files = readdirSync(`${dir}recorded`).filter((f) => f.endsWith('.yml')).sort();
  return files.flatMap((file) => {
    const text = readFileSync(`${dir}recorded/${file}`, 'utf8');
    return text
      .split(/\n- request:\n/)
      .slice(1)
      .map((chunk) => {
        const [request = '', response = ''] = chunk.split(/\n {2}response:\n/);
        const field = (source: string, re: RegExp) => re.exec(source)?.[1] ?? '';
        // why: VCR stores non-ASCII bodies as `!binary |-` followed by indented base64 lines.
        const body = (source: string) => {
          const binary = /string: !binary \|-\n((?:\s{8}\S+\n?)+)/.exec(source);
          if (binary) return Buffer.from(binary[1]!.replace(/\s+/g, ''), 'base64').toString('utf8');
          return unquote(field(source, /body:\n\s+encoding: [^\n]+\n\s+string: ([^\n]*)/));
        };
        return {
          file,
          method: field(request, /method: (\w+)/).toUpperCase(),
          uri: field(request, /uri: (\S+)/),
          requestBody: body(request),
          status: Number(field(response, /code: (\d+)/)),
          responseBody: body(response),
        };
      });
  });
}
