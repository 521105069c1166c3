/**
 * A Node client of a team server: log in, call the contract's methods over HTTP as browser
 * mode does (`POST /api/<method>`), and follow the live change stream. Used by the load test
 * and the team server's end-to-end tests; the desktop app's sync will use it too.
 */
import type { Input, Output, ServiceMethod } from '../../../../shared/api/contract';
import { failure, type ApiResult } from '../../../../shared/api/result';
import type { ChangeRecord } from '../live/change-stream';
import type { PresenceEntry } from '../../../../shared/api/team-methods';
import { SseParser } from './sse-parser';
import { TEAM_SEQ_HEADER, TOKENS_PATH } from '../protocol';

export interface ChangeListener {
  onChange(record: ChangeRecord): void;
  /** The server never gave the number asked from (a restored database): reload everything, then changes follow from `seq`. */
  onReset?(seq: number): void;
  /** The backlog is delivered: every later event is a new change. */
  onUpToDate?(seq: number): void;
  /** Who has which claim open (everyone with a live stream, this person included): once after the backlog, then at each change. */
  onPresence?(people: PresenceEntry[]): void;
  /** The stream ended (the server went away, or dropped this client for being too slow). */
  onEnd?(error: Error | null): void;
}

export class TeamClient {
  private session: string | null = null;

  constructor(
    readonly baseUrl: string,
    /** A personal access token instead of a login. */
    private readonly token: string | null = null,
  ) {}

  /** Logs in; throws with the server's message when refused. Who the server says logged in (its spelling of the name) and their role. */
  async login(name: string, password: string): Promise<{ name: string; role: 'editor' | 'admin' }> {
    const response = await fetch(new URL('/auth/login', this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
    const result = (await response.json().catch(() => null)) as ApiResult<{ name: string; role: 'editor' | 'admin' }> | null;
    if (!response.ok || !result?.ok) throw new Error(result && !result.ok ? result.error.message : `Login as ${name} refused (${response.status}).`);
    const cookie = response.headers.getSetCookie().find((c) => c.includes('='));
    if (!cookie) throw new Error('The team server answered the login without a session cookie.');
    this.session = cookie.split(';')[0]!;
    return result.value;
  }

  async call<M extends ServiceMethod>(method: M, input: Input<M>): Promise<ApiResult<Output<M>>> {
    return (await this.send(method, input)).result;
  }

  /**
   * A call, telling apart a server that could not be reached (`reached: false`: the call may
   * be sent again later) from one that answered, refusals included. `seq`: the number of the
   * last change the server had applied when it answered (null from a server that does not say).
   */
  async send<M extends ServiceMethod>(method: M, input: Input<M>): Promise<{ reached: boolean; seq: number | null; result: ApiResult<Output<M>> }> {
    let response: Response;
    try {
      response = await fetch(new URL(`/api/${method}`, this.baseUrl), { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify(input ?? null) });
    } catch (error) {
      return { reached: false, seq: null, result: failure('internal', `Cannot reach the team server at ${this.baseUrl}: ${(error as Error).message}`) };
    }
    const seqText = response.headers.get(TEAM_SEQ_HEADER);
    const seq = seqText !== null && /^\d+$/.test(seqText) ? Number(seqText) : null;
    try {
      return { reached: true, seq, result: (await response.json()) as ApiResult<Output<M>> };
    } catch {
      // A proxy's error page (502 while the server restarts) is not the server's answer: try again later.
      return { reached: response.status < 500, seq, result: failure('internal', `The team server answered ${response.status} without a result.`) };
    }
  }

  /** A personal access token for this person (logged in with `login` first), labelled with the computer it is for. */
  async createToken(label: string): Promise<string> {
    const response = await fetch(new URL(TOKENS_PATH, this.baseUrl), { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify({ label }) });
    const result = (await response.json().catch(() => null)) as ApiResult<{ token: string }> | null;
    if (!result) throw new Error(`The team server answered ${response.status} without a token.`);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.token;
  }

  /** Ends the login session (a token is not affected). */
  async logout(): Promise<void> {
    if (!this.session) return;
    await fetch(new URL('/auth/logout', this.baseUrl), { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: '{}' }).catch(() => undefined);
    this.session = null;
  }

  /** The value of a call, or an Error with the server's message. */
  async value<M extends ServiceMethod>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await this.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  }

  /** Follows the changes after `since` until `close` is called. */
  follow(since: number, listener: ChangeListener): { close(): void } {
    const abort = new AbortController();
    void (async () => {
      try {
        const response = await fetch(new URL(`/events?since=${since}`, this.baseUrl), { headers: this.headers({ accept: 'text/event-stream' }), signal: abort.signal });
        if (!response.ok || !response.body) throw new Error(`The change stream was refused (${response.status}).`);
        const parser = new SseParser((event) => {
          if (event.event === 'change') listener.onChange(JSON.parse(event.data) as ChangeRecord);
          else if (event.event === 'reset') listener.onReset?.((JSON.parse(event.data) as { seq: number }).seq);
          else if (event.event === 'up-to-date') listener.onUpToDate?.((JSON.parse(event.data) as { seq: number }).seq);
          else if (event.event === 'presence') listener.onPresence?.((JSON.parse(event.data) as { people: PresenceEntry[] }).people);
        });
        const decoder = new TextDecoder();
        for await (const chunk of response.body) parser.push(decoder.decode(chunk as Uint8Array, { stream: true }));
        listener.onEnd?.(null);
      } catch (error) {
        if (!abort.signal.aborted) listener.onEnd?.(error as Error);
      }
    })();
    return { close: () => abort.abort() };
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    if (this.token) return { ...extra, authorization: `Bearer ${this.token}` };
    return this.session ? { ...extra, cookie: this.session } : extra;
  }
}
