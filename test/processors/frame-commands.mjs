// Server side of the processor suites: drives the SDK doubles' cross-origin frames the way a customer would (real
// clicks and key presses through the browser's automation), since the test page itself cannot reach into them.
// Register in web-test-runner.config.mjs.

/** The newest attached frame of the test's page whose URL contains `url`, waiting for it to appear. */
async function findFrame(page, url, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frames = page.frames().filter((frame) => !frame.detached && frame.url().includes(url));
    if (frames.length) return frames[frames.length - 1];
    if (Date.now() > deadline) throw new Error(`No frame with ${url} (frames: ${page.frames().map((f) => f.url()).join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Commands: `frame-type` {url, selector, text, clear?}; `frame-click` {url, selector}; `frame-read` {url, selector, visible?}. */
export function frameCommands() {
  return {
    name: 'quaderno-frame-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('frame-')) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`frame commands need puppeteer, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      const frame = await findFrame(page, payload.url);
      const element = await frame.waitForSelector(payload.selector, { visible: payload.visible ?? true, timeout: 20_000 });
      switch (command) {
        case 'frame-type':
          if (payload.clear) await element.click({ count: 3 });
          await element.type(payload.text);
          return true;
        case 'frame-click':
          await element.click();
          return true;
        case 'frame-read':
          return element.evaluate((node) => ({ text: node.textContent, value: node.value ?? null, readOnly: node.readOnly ?? null }));
        default:
          return undefined;
      }
    },
  };
}
