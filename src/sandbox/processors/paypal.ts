// The sandbox's simulated PayPal: orders in memory, approved or cancelled in the PayPal SDK test double's window.
// On approval the simulation captures the order at once and tells the Quaderno side (in the real world, the
// merchant's server captures in onApprove and a webhook follows).
import { randomBytes } from 'node:crypto';

export type OrderStatus = 'CREATED' | 'COMPLETED' | 'VOIDED';

export interface PaypalOrder {
  id: string;
  amount: number;
  currency: string;
  status: OrderStatus;
  /** The Quaderno session (its permalink token) the order pays. */
  token: string;
}

export type PaypalAnswer =
  | { status: 200; order: PaypalOrder; payer_id?: string }
  | { status: 404 | 422; error: { name: string; message: string } };

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function paypalId(length: number): string {
  return Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** Reports a capture to the Quaderno side; it answers whether the session takes it (a refused one is not captured). */
function notApprovable(order: PaypalOrder): PaypalAnswer {
  return { status: 422, error: { name: 'UNPROCESSABLE_ENTITY', message: `ORDER_NOT_APPROVABLE: the order is ${order.status}.` } };
}

export type OrderListener = (order: PaypalOrder) => boolean;

export class PaypalSimulator {
  private readonly orders = new Map<string, PaypalOrder>();

  constructor(
    readonly clientId: string,
    private readonly onCaptured: OrderListener,
  ) {}

  /** A new order for one PayPal window (PayPal orders are not reused across attempts). */
  createOrder(token: string, amount: number, currency: string): PaypalOrder {
    const order: PaypalOrder = { id: paypalId(17), amount, currency, status: 'CREATED', token };
    this.orders.set(order.id, order);
    return order;
  }

  /** The buyer approved in the PayPal window: capture, and report. */
  approve(orderId: string): PaypalAnswer {
    const order = this.orders.get(orderId);
    if (!order) return { status: 404, error: { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.' } };
    if (order.status !== 'CREATED') return notApprovable(order);
    if (!this.onCaptured(order)) {
      order.status = 'VOIDED';
      return notApprovable(order);
    }
    order.status = 'COMPLETED';
    return { status: 200, order, payer_id: paypalId(13) };
  }

  /** The server voids an order whose payment was replaced or voided: it can no longer be approved. */
  void(orderId: string): void {
    const order = this.orders.get(orderId);
    if (order?.status === 'CREATED') order.status = 'VOIDED';
  }

  /** Voids every open order of a session but `keep`: once one paid, no other may. */
  voidAllBut(token: string, keep: string | null): void {
    for (const order of this.orders.values()) if (order.token === token && order.id !== keep) this.void(order.id);
  }

  /** The buyer closed the window: the order is dropped; the session stays as it was. */
  cancel(orderId: string): PaypalAnswer {
    const order = this.orders.get(orderId);
    if (!order) return { status: 404, error: { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.' } };
    if (order.status === 'CREATED') order.status = 'VOIDED';
    return { status: 200, order };
  }

  /** The orders created for a session, oldest first (the sandbox's view; PayPal's API has no such listing). */
  ordersOf(token: string): PaypalOrder[] {
    return [...this.orders.values()].filter((order) => order.token === token);
  }

  clear(): void {
    this.orders.clear();
  }
}
