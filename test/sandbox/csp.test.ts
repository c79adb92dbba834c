// What `npm run sandbox` tells a merchant to allow in a strict CSP (src/sandbox/csp.ts), and the command itself: it
// prints the origins it really listens on, and the frame origin it names serves the doubles' frames. That a page
// under exactly these origins pays through the doubles without a violation is test/processors/csp.test.ts.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { cspLines, sandboxCspOrigins } from '../../src/sandbox/csp.js';

describe('sandbox CSP origins', () => {
  it('script-src names the API (the doubles’ scripts), connect-src both origins, frame-src the frame origin', () => {
    assert.deepEqual(sandboxCspOrigins({ api: 'http://127.0.0.1:4010', frame: 'http://127.0.0.1:4011' }), {
      'script-src': ['http://127.0.0.1:4010'],
      'connect-src': ['http://127.0.0.1:4010', 'http://127.0.0.1:4011'],
      'frame-src': ['http://127.0.0.1:4011'],
    });
  });

  it('without a frame port there is no frame-src to allow', () => {
    assert.deepEqual(cspLines(sandboxCspOrigins({ api: 'https://sandbox.example' })), [
      "script-src 'self' https://sandbox.example",
      "connect-src 'self' https://sandbox.example",
    ]);
  });
});

describe('npm run sandbox (src/sandbox/cli.ts)', () => {
  let child: ChildProcess | undefined;
  after(() => {
    child?.kill('SIGTERM');
  });

  it('prints every origin a strict CSP must allow, including the frame origin, and those origins answer', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts'], {
      env: { ...process.env, PORT: '0', FRAME_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const lines = await new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no CSP lines within 20 s:\n${output}`)), 20_000);
      child!.stdout!.on('data', () => {
        const found = output.split('\n').map((line) => line.trim());
        if (found.some((line) => line.startsWith('frame-src'))) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      child!.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    const api = lines.find((line) => line.startsWith('Quaderno checkout sandbox listening on '))!.split(' ').pop()!;
    const directive = (name: string) => lines.find((line) => line.startsWith(`${name} `))?.split(' ').slice(1);
    const frame = directive('frame-src')![1]!;
    assert.deepEqual(directive('script-src'), ["'self'", api]);
    assert.deepEqual(directive('connect-src'), ["'self'", api, frame]);
    assert.deepEqual(directive('frame-src'), ["'self'", frame]);
    assert.notEqual(new URL(frame).origin, new URL(api).origin, 'the frames are cross-origin to the API');
    const page = await fetch(`${frame}/doubles/stripe/card`);
    assert.equal(page.status, 200, 'the frame origin serves the card frame');
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const sessions = await fetch(`${api}/sandbox/sessions.json`);
    assert.equal(sessions.status, 200, 'the API origin answers');
  });
});
