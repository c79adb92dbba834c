import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  capabilitiesOf,
  LEGACY_CAPABILITIES,
  PROTOCOL_VERSION,
  protocolMajor,
  speaksProtocol,
} from '../../src/protocol/capabilities.js';

describe('capabilities and version', () => {
  const cases: Array<[unknown, string[]]> = [
    [undefined, [...LEGACY_CAPABILITIES]],
    [[], []],
    [['pay', 'teleport', 'pay', 'hosted_payment'], ['pay', 'hosted_payment']],
    ['update', [...LEGACY_CAPABILITIES]],
  ];
  for (const [list, expected] of cases) {
    test(`capabilities ${JSON.stringify(list)} → ${expected.join(', ') || 'none'}`, () => {
      assert.deepEqual([...capabilitiesOf({ capabilities: list })].sort(), [...new Set(expected)].sort());
    });
  }

  test('a session without a list can do everything but hosted payment', () => {
    assert.equal(capabilitiesOf({}).has('hosted_payment'), false);
    assert.equal(capabilitiesOf({}).has('pay'), true);
  });

  const versions: Array<[unknown, number, boolean]> = [
    [undefined, 1, true],
    [null, 1, true],
    [PROTOCOL_VERSION, 1, true],
    ['1.7', 1, true],
    ['2.0', 2, false],
    ['1', Number.NaN, false],
    [1.0, Number.NaN, false],
    ['v1.0', Number.NaN, false],
  ];
  for (const [version, major, speaks] of versions) {
    test(`protocol_version ${JSON.stringify(version)}: major ${major}, ${speaks ? 'spoken' : 'refused'}`, () => {
      assert.deepEqual([protocolMajor(version), speaksProtocol(version)], [major, speaks]);
    });
  }
});
