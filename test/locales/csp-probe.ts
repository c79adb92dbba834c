// Loaded first by the CSP frame of chunks.browser.test.ts (as a module file, since its policy allows no inline script):
// records every Content-Security-Policy violation in the frame.
const frame = window as unknown as { __violations: string[] };
frame.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  frame.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
// A request the policy forbids, so the test can see that the probe hears violations at all.
document.addEventListener('DOMContentLoaded', () => {
  const image = document.createElement('img');
  image.src = 'http://blocked.invalid/probe.png';
  document.body.append(image);
});
