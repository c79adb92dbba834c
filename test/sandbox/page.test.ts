// The hosted checkout page (src/sandbox/page.ts) as served: its permalink and its security headers.
import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { describe, test } from 'node:test';
import { pageCsp } from '../../src/sandbox/page.js';
import { useSandbox } from './harness.js';

describe('the hosted page', () => {
  const sandbox = useSandbox();

  test('the hosted page embeds a permalink on the bound origin whatever the Host, and may not be framed', async () => {
    const token = sandbox().store.getSession(100)!.token;
    const page = await new Promise<{ headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = request(`${sandbox().url}/checkout/session/${token}`, { headers: { Host: 'evil.example' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ headers: res.headers, text }));
      });

      req.on('error', reject);
      req.end();
    });
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.ok(page.text.includes(`permalink="${sandbox().url}/checkout/session/${token}"`), page.text);
    assert.equal(page.text.includes('evil.example'), false);
  });

  test("its policy forbids framing by any site (frame-ancestors 'none'), whatever the script origin", () => {
    for (const csp of [pageCsp('/quaderno-checkout.js'), pageCsp('https://cdn.example/q.js', 'https://pay.example')]) {
      assert.match(csp, /(^|; )frame-ancestors 'none'(;|$)/);
    }
  });
});
