// quaderno-checkout in a Next.js App Router app: copy to app/checkout/[...path]/route.ts, with lib/checkout.ts.
// A server component renders <quaderno-checkout permalink={checkout().permalinkFor(session.id)} />.
import { checkout } from '../../../lib/checkout';

const handler = (request: Request) => checkout()(request);

// Next passes (request, context); the handler needs only the request. OPTIONS too: without it Next answers a
// cross-origin page's preflight itself, with no Access-Control-Allow-Origin, and the browser refuses the PUT.
export { handler as GET, handler as PUT, handler as POST, handler as OPTIONS };
// The handler signs with node:crypto: the Node.js runtime, not the Edge one.
export const runtime = 'nodejs';
// Never cached by Next: every answer depends on the session's current state in Quaderno.
export const dynamic = 'force-dynamic';
