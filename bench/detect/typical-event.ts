/**
 * One typical ~2 KB tools/call event with a benign response (a source file read by an agent),
 * used for the per-event latency figure.
 */
export function typicalEvent(): Record<string, unknown> {
  const source = `import { createHash } from 'node:crypto';
import type { Order, OrderItem } from './types.js';

/** Totals an order in cents; discounts apply to the subtotal before tax. */
export function orderTotal(order: Order, taxRate: number): number {
  const subtotal = order.items.reduce((sum: number, item: OrderItem) => sum + item.priceCents * item.quantity, 0);
  const discounted = Math.max(0, subtotal - (order.discountCents ?? 0));
  return Math.round(discounted * (1 + taxRate));
}

/** A stable id for an order's contents, used to deduplicate retried submissions. */
export function orderFingerprint(order: Order): string {
  const canonical = order.items
    .map((item) => \`\${item.sku}:\${item.quantity}\`)
    .sort()
    .join('|');
  return createHash('sha256').update(\`\${order.customerId}/\${canonical}\`).digest('hex');
}

export function isShippable(order: Order): boolean {
  return order.status === 'paid' && order.items.every((item) => item.inStock);
}

/** Splits an order into shipments of at most \`maxItems\` items, keeping each SKU together. */
export function splitShipments(order: Order, maxItems = 20): OrderItem[][] {
  const shipments: OrderItem[][] = [];
  let current: OrderItem[] = [];
  let count = 0;
  for (const item of order.items) {
    if (count + item.quantity > maxItems && current.length > 0) {
      shipments.push(current);
      current = [];
      count = 0;
    }
    current.push(item);
    count += item.quantity;
  }
  if (current.length > 0) shipments.push(current);
  return shipments;
}
`;
  return {
    timestamp: '2026-11-02T10:15:00Z',
    id: 'evt_4f1c2a9b7e3d5a10',
    session_id: 'sess-9a1b2c3d4e5f',
    user: 'lena.fischer@acme.dev',
    agent: 'claude-sonnet-4-5',
    client: { name: 'claude-desktop', version: '0.12.4' },
    tool: 'read_file',
    method: 'tools/call',
    prompt: 'Explain how the order total is computed and whether discounts are applied before tax.',
    arguments: { path: '/home/dev/src/shop/src/orders/total.ts' },
    response: { content: [{ type: 'text', text: source }] },
    metadata: { server: 'filesystem', transport: 'stdio', bytes: source.length },
    duration_ms: 14,
  };
}
