/** Messages between `alignPanPairs` and its worker threads. */
import type { PanDetection } from '../eval';

/** A batch of pairs (all with the same suspicious document, usually). */
export interface WorkerRequest {
  readonly batch: number;
  readonly pairs: readonly { readonly susp: string; readonly src: string }[];
}

/** A worker's answer to one batch. */
export type WorkerReply =
  | { readonly kind: 'done'; readonly batch: number; readonly detections: PanDetection[][] }
  | { readonly kind: 'error'; readonly batch: number; readonly name: string; readonly message: string; readonly where: string };
