// TEST DOUBLE: the look of the doubles' "decide for the customer" pages (the 3-D Secure challenge frame, the bank
// page of a redirect-based method): a title, a sentence saying no bank is involved, and one button per outcome.

export interface Decision {
  id: string;
  label: string;
}

/** Draws the page and returns its buttons (in the order given; the first is the primary one) and a status line. */
export function decisionPage<const D extends readonly Decision[]>(
  title: string,
  text: string,
  decisions: D,
): { buttons: { [K in keyof D]: HTMLButtonElement }; status: HTMLElement } {
  const style = document.createElement('style');
  style.textContent = `body { margin: 0 auto; max-width: 420px; padding: 20px; font: 15px/1.5 system-ui, sans-serif; color: #1a1f36; }
  h1 { font-size: 18px; margin: 0 0 8px; } p { margin: 0 0 16px; }
  button { display: block; width: 100%; margin: 0 0 10px; padding: 12px; font: inherit; border-radius: 6px; border: 1px solid #635bff;
    cursor: pointer; background: #fff; color: #1a1f36; }
  button.primary { background: #635bff; color: #fff; }`;
  document.head.append(style);
  const heading = document.createElement('h1');
  heading.textContent = title;
  const sentence = document.createElement('p');
  sentence.textContent = text;
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const buttons = decisions.map((decision, index) => {
    const button = document.createElement('button');
    button.id = decision.id;
    button.type = 'button';
    button.textContent = decision.label;
    if (index === 0) button.className = 'primary';
    return button;
  });
  const main = document.createElement('main');
  main.append(heading, sentence, ...buttons, status);
  document.body.append(main);
  return { buttons: buttons as { [K in keyof D]: HTMLButtonElement }, status };
}
