// React 19 renders custom elements natively: `permalink` is set as a property, and `onquaderno-complete`
// adds a listener for the `quaderno-complete` event. The JSX typings come from `quaderno-checkout/react`.
// In your app: `import 'quaderno-checkout'` and `import type {} from 'quaderno-checkout/react'`.
import { useEffect, useState } from 'react';
import '../../../src/quaderno-checkout.js';
import type {} from '../../../src/react.js';
import type { QuadernoCompleteEvent, QuadernoErrorEvent } from '../../../src/index.js';
import { demoPermalink } from '../../shared/session.js';

export function App() {
  const [permalink, setPermalink] = useState<string>();
  const [result, setResult] = useState<{ text: string; error?: boolean }>();

  useEffect(() => {
    demoPermalink().then(setPermalink, (error: Error) => setResult({ text: error.message, error: true }));
  }, []);

  function handleComplete(event: QuadernoCompleteEvent) {
    // Stay in the SPA (route to your own confirmation page) instead of following success_url.
    event.preventDefault();
    setResult({ text: `Paid: session ${event.detail.session.id} is ${event.detail.session.status}.` });
  }

  function handleError(event: QuadernoErrorEvent) {
    setResult({ text: `${event.detail.code}: ${event.detail.message}`, error: true });
  }

  return (
    <main>
      <h1>React 19</h1>
      <p className="lead">A Vite + React single-page app rendering the element.</p>
      {result && (
        <p className={result.error ? 'result error' : 'result'} role="status" data-testid="result">
          {result.text}
        </p>
      )}
      {permalink && (
        <quaderno-checkout
          permalink={permalink}
          pollInterval={500}
          onquaderno-complete={handleComplete}
          onquaderno-error={handleError}
        />
      )}
    </main>
  );
}
