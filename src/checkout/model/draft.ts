import { isBillingField, type BillingField } from '../../session/fields.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../../session/schema.js';

/** What survives a reload: the customer's typed fields, an unapplied coupon code, the chosen method. Never card data. */
export interface Draft {
  customer: Partial<Record<BillingField, string>>;
  coupon: string;
  method: PaymentMethod | undefined;
}

const PREFIX = 'quaderno-checkout:draft:';
/** The sessionStorage key of a permalink's draft. */
export function draftKey(permalink: string): string {
  return PREFIX + permalink;
}

// why: sessionStorage throws in some sandboxed iframes and with storage disabled; a draft is a convenience, never a failure.
function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** Reads a stored draft, keeping only known fields of the right type (storage is page-writable input). */
export function parseDraft(raw: string | null | undefined): Draft | undefined {
  if (!raw) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const { customer, coupon, method } = data as Record<string, unknown>;
  const fields: Draft['customer'] = {};
  if (customer && typeof customer === 'object') {
    for (const [key, value] of Object.entries(customer)) {
      if (isBillingField(key) && typeof value === 'string') fields[key] = value.slice(0, 300);
    }
  }
  return {
    customer: fields,
    coupon: typeof coupon === 'string' ? coupon.slice(0, 64) : '',
    method: (PAYMENT_METHODS as readonly unknown[]).includes(method) ? (method as PaymentMethod) : undefined,
  };
}

/** The draft of one permalink in sessionStorage: what the form restores, saves on each change, and forgets once done. */
export interface DraftStore {
  restore(): Draft | undefined;
  save(draft: Draft): void;
  clear(): void;
}

/** The sessionStorage draft of a permalink (nothing is stored for an empty one). */
export function sessionDraft(permalink: string): DraftStore {
  const key = permalink.trim() ? draftKey(permalink.trim()) : undefined;
  return {
    restore() {
      if (!key) return undefined;
      try {
        return parseDraft(storage()?.getItem(key));
      } catch {
        return undefined;
      }
    },
    save(draft) {
      if (!key) return;
      try {
        storage()?.setItem(key, JSON.stringify(draft));
      } catch {
        // why: a full or disabled storage only loses the convenience of a restore.
      }
    },
    clear() {
      if (!key) return;
      try {
        storage()?.removeItem(key);
      } catch {
        // see save()
      }
    },
  };
}
