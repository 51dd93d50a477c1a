import { createHash, type Hash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { DidarEvent, ErrorCode, Input, MethodName, Output } from '../../electron/core/contract';
import { LatencyHistogram } from './latency';

export type DeskKind = 'intake' | 'official' | 'followup' | 'display' | 'admin';

/** A call answered other than the desk expected: recorded with its input and answer, and the day stops. */
export interface CallFailure {
  desk: string;
  method: string;
  input: string;
  status: number;
  answer: string;
}

export class SoakFailure extends Error {}

/** What every desk's calls add up to. Sizes stay fixed (histograms, counters), except the first failures kept in full. */
export class SoakStats {
  readonly latency = new Map<string, LatencyHistogram>();
  calls = 0;
  ok = 0;
  /** Refusals the desks provoked on purpose and got exactly as expected, by `method code field`. */
  readonly refusals = new Map<string, number>();
  readonly status = new Map<number, number>();
  /** Calls answered other than expected (errors, 500s, a refusal where success was due, or the wrong refusal). */
  errorCount = 0;
  readonly errors: CallFailure[] = [];
  internal = 0;
  eventsDelivered = 0;

  record(method: string, ms: number, status: number): void {
    let h = this.latency.get(method);
    if (!h) this.latency.set(method, (h = new LatencyHistogram()));
    h.add(ms);
    this.calls += 1;
    this.status.set(status, (this.status.get(status) ?? 0) + 1);
  }

  fail(failure: CallFailure): SoakFailure {
    this.errorCount += 1;
    if (this.errors.length < 50) this.errors.push(failure);
    return new SoakFailure(`${failure.desk}: ${failure.method} answered ${failure.status} ${failure.answer}`);
  }
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: ErrorCode; message: string; field?: string } };

const clip = (text: string, n = 400) => (text.length > n ? `${text.slice(0, n)}…` : text);

/**
 * One desk of the day: its own session, its own keep-alive HTTP connection (as one browser
 * tab would have) and its own WebSocket on the station's event stream. Every event received is
 * counted and folded into a running SHA-256, so at the end the desk can prove it received
 * exactly the events the core emitted, in the same order.
 */
export class Desk {
  /**
   * Like Node's global agent (which the desktop's link to a station uses): keep-alive, and a
   * 5 s idle timeout, which the station's `Keep-Alive: timeout=5` hint shortens to 4 s — so an
   * idle connection is dropped here before the station drops it. (Without a timeout a desk
   * reuses a connection at the instant the station closes it: "socket hang up".)
   */
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 2, timeout: 5000 });
  private socket: WebSocket | null = null;
  private readonly hash: Hash = createHash('sha256');
  private readonly listeners = new Set<(event: DidarEvent) => void>();
  private closing = false;
  readonly received = new Map<string, number>();
  receivedTotal = 0;
  /** Keep-alive messages of the channel (not events), if the station sends them. */
  heartbeats = 0;
  /** Why the socket closed or failed before the end of the day, if it did. */
  socketProblem: string | null = null;

  constructor(
    readonly name: string,
    readonly kind: DeskKind,
    private readonly base: URL,
    readonly token: string,
    private readonly stats: SoakStats,
  ) {}

  /** Opens the event stream; resolves when the station accepted it. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const url = new URL(`/api/events?token=${encodeURIComponent(this.token)}`, this.base);
      url.protocol = 'ws:';
      const ws = new WebSocket(url);
      this.socket = ws;
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`${this.name}: event stream refused (${res.statusCode})`)));
      ws.on('error', (e) => {
        if (!this.closing) this.socketProblem ??= `error: ${e.message}`;
        reject(e);
      });
      ws.on('close', (code) => {
        if (!this.closing) this.socketProblem ??= `closed by the station (${code})`;
      });
      ws.on('message', (data, isBinary) => {
        const text = isBinary ? '' : data.toString();
        const event = JSON.parse(text) as DidarEvent | { name: 'heartbeat' };
        // The station's keep-alive on the channel, not an event of the core.
        if (event.name === 'heartbeat') {
          this.heartbeats += 1;
          return;
        }
        this.hash.update(text).update('\n');
        this.receivedTotal += 1;
        this.stats.eventsDelivered += 1;
        this.received.set(event.name, (this.received.get(event.name) ?? 0) + 1);
        for (const listener of this.listeners) listener(event);
      });
    });
  }

  /** The running hash of every event received so far, in order. */
  eventsDigest(): string {
    return this.hash.copy().digest('hex');
  }

  get socketOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  on(listener: (event: DidarEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves true at the first event `match` accepts, false after `ms` (at least a tick). */
  waitForEvent(match: (event: DidarEvent) => boolean, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), Math.max(1, ms));
      const off = this.on((event) => {
        if (match(event)) done(true);
      });
      function done(value: boolean) {
        clearTimeout(timer);
        off();
        resolve(value);
      }
    });
  }

  private post(method: string, input: unknown): Promise<{ status: number; answer: Answer | null; text: string; ms: number }> {
    const body = Buffer.from(JSON.stringify(input));
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(`/api/${method}`, this.base),
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${this.token}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            let answer: Answer | null = null;
            try {
              answer = JSON.parse(text) as Answer;
            } catch {
              answer = null;
            }
            resolve({ status: res.statusCode ?? 0, answer, text, ms });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  private async send(method: string, input: unknown) {
    try {
      const r = await this.post(method, input);
      this.stats.record(method, r.ms, r.status);
      if (r.status >= 500 || (r.answer && !r.answer.ok && r.answer.error.code === 'internal')) this.stats.internal += 1;
      return r;
    } catch (e) {
      throw this.stats.fail({ desk: this.name, method, input: clip(JSON.stringify(input)), status: 0, answer: `no answer: ${(e as Error).message}` });
    }
  }

  /** A call that must succeed; anything else is recorded as a failure and stops the day. */
  async call<K extends MethodName>(method: K, input: Input<K>): Promise<Output<K>> {
    const r = await this.send(method, input);
    if (r.status === 200 && r.answer?.ok) {
      this.stats.ok += 1;
      return r.answer.value as Output<K>;
    }
    throw this.stats.fail({ desk: this.name, method, input: clip(JSON.stringify(input)), status: r.status, answer: clip(r.text) });
  }

  /**
   * A call the desk makes knowing it must be refused (a typed refusal provoked on purpose):
   * it must answer exactly `code` naming `field`, with a Persian message; counted apart.
   */
  async refuse<K extends MethodName>(method: K, input: Input<K>, expected: { code: ErrorCode; field?: string }): Promise<void> {
    const r = await this.send(method, input);
    const a = r.answer;
    if (a && !a.ok && a.error.code === expected.code && a.error.field === expected.field && /[\u0600-\u06FF]/.test(a.error.message)) {
      const key = `${method} ${expected.code}${expected.field ? ` ${expected.field}` : ''}`;
      this.stats.refusals.set(key, (this.stats.refusals.get(key) ?? 0) + 1);
      return;
    }
    throw this.stats.fail({
      desk: this.name,
      method,
      input: clip(JSON.stringify(input)),
      status: r.status,
      answer: `expected ${expected.code} ${expected.field ?? ''}, got ${clip(r.text)}`,
    });
  }

  close(): void {
    this.closing = true;
    this.socket?.close();
    this.agent.destroy();
  }
}
