import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes to answer with, in order; once used up, every request gets 200. */
  answerWith(...statuses: number[]): void;
  /** Holds the next request's answer until the returned release is called; resolves once that request has arrived. */
  holdNext(): { arrived: Promise<void>; release: () => void };
  close(): Promise<void>;
}

/** A real HTTP server on an ephemeral port that records every webhook POST, as a tenant's receiver would see it. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let statuses: number[] = [];
  let hold: { arrived: () => void; released: Promise<void> } | undefined;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = statuses.shift() ?? 200;
      const held = hold;
      hold = undefined;
      if (held) {
        held.arrived();
        await held.released;
      }
      response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/ledgerflow`,
    received,
    answerWith: (...next) => {
      statuses = next;
    },
    holdNext: () => {
      let arrived!: () => void;
      let release!: () => void;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      hold = { arrived, released: new Promise<void>((resolve) => (release = resolve)) };
      return { arrived: arrival, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What a receiver does, written from the documented contract rather than Ledgerflow's code: recompute
 * HMAC-SHA256(secret, "<timestamp>.<raw body>"), compare in constant time, and refuse timestamps outside the window.
 */
export function signatureIsValid(secret: string, webhook: ReceivedWebhook, toleranceSeconds = 300, nowSeconds = Date.now() / 1000): boolean {
  const timestamp = Number(webhook.headers['ledgerflow-timestamp']);
  const signature = String(webhook.headers['ledgerflow-signature'] ?? '');
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${webhook.body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
