import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChargeAnswer = 'approve' | 'decline' | 'outage';

export interface ReceivedCharge {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: Record<string, unknown>;
  answer: ChargeAnswer;
  /** When the charge arrived, by the `clock` the service was given (the test server's clock in flow tests). */
  receivedAt: number;
}

export interface LocalPaymentService {
  baseUrl: string;
  /** Every charge request that reached the service, including repeats of an idempotency key. */
  received: ReceivedCharge[];
  /** Answers for the next new charges, in order; once they run out, charges are approved. */
  script(answers: ChargeAnswer[]): void;
  close(): Promise<void>;
}

/**
 * A real HTTP payment service on a loopback port, speaking the http-payments protocol: it approves or declines as
 * scripted, checks the bearer key, and replays its first answer for a repeated Idempotency-Key, as real services do.
 */
export async function startLocalPaymentService(options: { apiKey: string; clock?: () => Promise<number> }): Promise<LocalPaymentService> {
  const received: ReceivedCharge[] = [];
  const byKey = new Map<string, { status: number; body: unknown; answer: ChargeAnswer }>();
  let answers: ChargeAnswer[] = [];
  let chargeCount = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
    const send = (status: number, payload: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    if (request.method !== 'POST' || request.url !== '/v1/charges') return void send(404, { error: { code: 'not_found' } });
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) return void send(401, { error: { code: 'unauthorized', message: 'Invalid API key' } });
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
    const receivedAt = options.clock ? await options.clock() : Date.now();
    const replay = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
    if (replay) {
      received.push({ idempotencyKey, authorization: request.headers.authorization, body, answer: replay.answer, receivedAt });
      return void send(replay.status, replay.body);
    }
    const answer = answers.shift() ?? 'approve';
    received.push({ idempotencyKey, authorization: request.headers.authorization, body, answer, receivedAt });
    chargeCount += 1;
    const reply =
      answer === 'approve'
        ? { status: 201, body: { id: `ch_${chargeCount}`, status: 'succeeded', amount_minor: body.amount_minor, currency: body.currency, reference: body.reference } }
        : answer === 'decline'
          ? { status: 402, body: { error: { code: 'card_declined', message: 'The card was declined' } } }
          : { status: 503, body: { error: { code: 'unavailable', message: 'Try again later' } } };
    // Outages are not remembered: the client's retry with the same key must reach a working service.
    if (idempotencyKey && answer !== 'outage') byKey.set(idempotencyKey, { ...reply, answer });
    send(reply.status, reply.body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    script(next) {
      answers = [...next];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
