// Writes docs/protocol.openapi.json from the protocol's zod schemas (src/protocol/openapi.ts).
// test/protocol/openapi.test.ts fails when the committed file is not what this would write.
import { writeFileSync } from 'node:fs';
import { protocolDocumentText } from '../src/protocol/openapi.js';

const target = new URL('../docs/protocol.openapi.json', import.meta.url);
writeFileSync(target, protocolDocumentText());
console.log(`wrote ${target.pathname}`);
