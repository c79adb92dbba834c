// Stripe Elements refuses to mount inside a ShadowRoot (stripe/stripe-js #662), so the processor's container lives
// in the document's light DOM. When the checkout itself sits inside shadow roots (a merchant's own components, open
// or closed), the container goes to the outermost host and one relay `<slot>` per root carries it back down.
let relays = 0;

/**
 * Puts `container` where a processor SDK can use it and slots it into `host`'s `<slot name=slotName>`.
 * Returns what undoes the relays (the container itself is the caller's to remove).
 */
export function placeInLightDom(host: HTMLElement, container: HTMLElement, slotName: string): () => void {
  const added: HTMLSlotElement[] = [];
  const relayName = `quaderno-processor-${++relays}`;
  let owner: HTMLElement = host;
  let slot = slotName;
  let root = owner.getRootNode();
  while (root instanceof ShadowRoot) {
    // why: a slot in this root shows the outer host's children named relayName, and is itself slotted one level in.
    const relay = document.createElement('slot');
    relay.name = relayName;
    relay.slot = slot;
    owner.append(relay);
    added.push(relay);
    owner = root.host as HTMLElement;
    slot = relayName;
    root = owner.getRootNode();
  }
  container.slot = slot;
  if (container.parentNode !== owner) owner.append(container);
  return () => {
    for (const relay of added) relay.remove();
  };
}
