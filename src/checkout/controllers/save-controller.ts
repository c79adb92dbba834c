import type { PublicClient } from '../../api/public.ts';
import type { CheckoutSession, PublicUpdateBody } from '../../session/schema.ts';
import { TaskController, type RunResult } from './task.ts';

/** What a save was for, so the view can show progress in the right place. */
export type SaveKind = 'coupon-apply' | 'coupon-remove' | 'cancel';

/** Saves customer-side changes: PUT `<permalink>.json` (coupon) and the sandbox's cancel. */
export class SaveController extends TaskController<CheckoutSession> {
  /** The kind of the save in flight (or last run). */
  kind: SaveKind | undefined;

  update(client: PublicClient, body: PublicUpdateBody, kind: SaveKind): Promise<RunResult<CheckoutSession>> {
    this.kind = kind;
    return this.run((signal) => client.update(body, { signal }));
  }

  cancel(client: PublicClient): Promise<RunResult<CheckoutSession>> {
    this.kind = 'cancel';
    return this.run((signal) => client.cancel({ signal }));
  }
}
