// Signed permalink tokens: a token names one Quaderno session, and only this server (holding the secret) can make one.
// why this shape: a plain `id.hmac` would be unforgeable but would still show the merchant's sequential session ids
// (and so its order volume) to every customer. The id is therefore also hidden, SIV-style and deterministic: the tag
// is an HMAC of the id, and the id is XORed with an HMAC keystream derived from that tag. Same session, same token.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const TAG_BYTES = 16;
/** Quaderno's session ids are integers; nothing else is ever signed, so nothing else can be named. */
const SESSION_ID = /^[0-9]{1,15}$/;
const TOKEN = /^[A-Za-z0-9_-]{23,42}$/;

export interface TokenSigner {
  /** The token for a session id (the same id always gives the same token). Throws on an id that is not Quaderno's. */
  sign(sessionId: number | string): string;
  /** The session id a token names, or undefined for anything forged, altered, truncated or malformed. */
  verify(token: string): string | undefined;
}

function key(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'quaderno-checkout/permalink', info, 32));
}

/**
 * Signs with keys derived from `secret`; `scope` (the Quaderno account's URL) is bound into every tag, so a token made
 * for one account is refused by a handler of another that happens to share the secret.
 */
export function createTokenSigner(secret: string, scope: string): TokenSigner {
  if (typeof secret !== 'string' || secret.length < 32) {
    throw new TypeError('createCheckoutHandler: `secret` must be a string of at least 32 characters (use 32 random bytes)');
  }
  const macKey = key(secret, 'mac');
  const streamKey = key(secret, 'stream');
  const tagOf = (id: string) => createHmac('sha256', macKey).update(`${scope}\0${id}`).digest().subarray(0, TAG_BYTES);
  const xor = (tag: Buffer, data: Buffer) => {
    const stream = createHmac('sha256', streamKey).update(tag).digest();
    return Buffer.from(data.map((byte, i) => byte ^ stream[i]!));
  };

  return {
    sign(sessionId) {
      const id = String(sessionId);
      if (!SESSION_ID.test(id)) throw new TypeError(`Not a Quaderno session id: ${JSON.stringify(id)}`);
      const tag = tagOf(id);
      return Buffer.concat([tag, xor(tag, Buffer.from(id, 'latin1'))]).toString('base64url');
    },
    verify(token) {
      if (typeof token !== 'string' || !TOKEN.test(token)) return undefined;
      const raw = Buffer.from(token, 'base64url');
      // why: base64url decoding is lenient; a token that does not re-encode to itself was altered.
      if (raw.toString('base64url') !== token || raw.length <= TAG_BYTES) return undefined;
      const tag = raw.subarray(0, TAG_BYTES);
      const id = xor(tag, raw.subarray(TAG_BYTES)).toString('latin1');
      // why: compare first, in constant time, and only then look at what was decoded.
      const valid = timingSafeEqual(tag, tagOf(id));
      return valid && SESSION_ID.test(id) ? id : undefined;
    },
  };
}
