// Server side of the processor suites: drives the SDK doubles' cross-origin frames through the browser's automation
// (the test page itself cannot reach into them): it fills fields as typing does (value + input event) and clicks
// buttons inside the frame.
// why: DOM-level, not real key presses and mouse clicks: web-test-runner runs two test files at once, one in a
// background tab, and bringing a tab to the front would steal focus from the other file's focus tests.
// Register in web-test-runner.config.mjs.

const TIMEOUT_MS = 20_000;

/** The newest attached frame of the test's page whose URL contains `url`, waiting for it to appear. */
async function findFrame(page, url) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const frames = page.frames().filter((frame) => !frame.detached && frame.url().includes(url));
    if (frames.length) return frames[frames.length - 1];
    if (Date.now() > deadline) throw new Error(`No frame with ${url} (frames: ${page.frames().map((f) => f.url()).join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The element once it is in the frame (and laid out, when `visible`).
 * why: polled on a timer, not with puppeteer's requestAnimationFrame polling, which never fires in a background tab
 * (web-test-runner runs two test files at once, one of them in a background tab).
 */
async function findElement(frame, selector, visible) {
  await frame.waitForFunction(
    (sel, needsBox) => {
      const node = document.querySelector(sel);
      if (!node) return false;
      if (!needsBox) return true;
      const box = node.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
    },
    { polling: 50, timeout: TIMEOUT_MS },
    selector,
    visible,
  );
  return frame.$(selector);
}

const awake = new WeakSet();

/**
 * why: the other test file's tab may be in front; Chrome then lets this tab's cross-origin frames sleep, and the
 * doubles' frames would never answer. Marking the page active (without bringing it to the front, which would take
 * focus from the other file) keeps them running.
 */
async function keepAwake(page) {
  if (awake.has(page)) return;
  awake.add(page);
  const client = await page.createCDPSession();
  await client.send('Page.enable');
  await client.send('Page.setWebLifecycleState', { state: 'active' });
  await client.send('Emulation.setFocusEmulationEnabled', { enabled: true });
}

/** Commands: `frame-type` {url, selector, text, clear?, silent?}; `frame-click` {url, selector}; `frame-read` {url, selector, visible?}. */
export function frameCommands() {
  return {
    name: 'quaderno-frame-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('frame-')) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`frame commands need puppeteer, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      await keepAwake(page);
      // why the retry: the automation can hand back a frame that is already gone (seen once in 5 runs: "frame got
      // detached" on the first keystroke of a test whose frame had just been drawn); the newest frame is then used. A
      // frame really redrawn mid-test would still fail the test: what was typed before would be missing.
      for (let attempt = 1; ; attempt++) {
        try {
          return await run(command, payload, await findFrame(page, payload.url));
        } catch (error) {
          if (attempt >= 3 || !/detached/i.test(String(error))) throw error;
          console.warn(`frame-commands: ${command} ${payload.url}: frame detached (attempt ${attempt}), retrying`);
        }
      }
    },
  };
}

/** One command in one frame. */
async function run(command, payload, frame) {
  const element = await findElement(frame, payload.selector, payload.visible ?? true);
  switch (command) {
    case 'frame-type':
      return element.evaluate(
        (node, text, clear, silent) => {
          node.focus();
          node.value = clear ? text : node.value + text;
          if (!silent) node.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
          return true;
        },
        payload.text,
        payload.clear ?? false,
        payload.silent ?? false,
      );
    case 'frame-click':
      return element.evaluate((node) => {
        node.click();
        return true;
      });
    case 'frame-read':
      return element.evaluate((node) => ({ text: node.textContent, value: node.value ?? null, readOnly: node.readOnly ?? null }));
    default:
      return undefined;
  }
}
