import { spokenParts } from './speech';

/** Where the clips are: copied with the renderer build (resources/public/sounds), next to index.html. */
const SOUNDS = './sounds/';
const EXT = 'ogg';
/** A short breath between the number and «میز», as a speaker would pause at the comma. */
const PAUSE_BEFORE_DESK_MS = 250;
/** The longest any clip may take; a clip that never ends (a broken file, no audio device) does not hold up the next calls. */
const CLIP_TIMEOUT_MS = 4000;

export type AudioState = 'unknown' | 'ready' | 'blocked';

export interface Announcement {
  ticket: number;
  desk: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Plays the chime and the spoken call, one announcement after another (a second call waits
 * for the first to finish). Browsers refuse sound before a person has touched the page: the
 * first refusal turns the state to `blocked`, and `unlock()` (run from a click) clears it.
 */
export class Announcer {
  private readonly clips = new Map<string, HTMLAudioElement>();
  private chain: Promise<void> = Promise.resolve();
  private state: AudioState = 'unknown';
  private readonly listeners = new Set<(s: AudioState) => void>();
  /** The clips of the last announcement, in order, and of those the ones that played to the end (for the tests and for a glance in devtools). */
  lastParts: string[] = [];
  lastPlayed: string[] = [];
  /** Bumped by `dispose()`: a sequence started before stops between clips. */
  private epoch = 0;
  /** The call the browser refused to play (before any click), played once sound is allowed. */
  private refused: string[] | null = null;

  constructor() {
    // Loaded ahead, so a call is heard at once.
    for (const name of ['chime', 'shomare', 'miz', 'va']) this.clip(name);
  }

  get audioState(): AudioState {
    return this.state;
  }

  onState(listener: (s: AudioState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(s: AudioState) {
    if (this.state === s) return;
    this.state = s;
    for (const l of this.listeners) l(s);
  }

  /**
   * Whether this page may play sound without a click. Chromium's policy covers media
   * elements and Web Audio alike; an AudioContext that stays suspended tells, without a sound.
   */
  async probe(): Promise<AudioState> {
    const nav = navigator as Navigator & { getAutoplayPolicy?: (type: 'mediaelement') => string };
    if (typeof nav.getAutoplayPolicy === 'function') {
      this.setState(nav.getAutoplayPolicy('mediaelement') === 'allowed' ? 'ready' : 'blocked');
      return this.state;
    }
    const Ctx = window.AudioContext as typeof AudioContext | undefined;
    if (!Ctx) return this.state;
    const ctx = new Ctx();
    try {
      if (ctx.state !== 'running') await Promise.race([ctx.resume(), sleep(400)]);
      if (this.state === 'unknown') this.setState(ctx.state === 'running' ? 'ready' : 'blocked');
    } finally {
      void ctx.close();
    }
    return this.state;
  }

  /** From a click (a user activation: the browser allows sound on this page from now on); a call that was refused is played again. */
  unlock(): void {
    this.setState('ready');
    const missed = this.refused;
    this.refused = null;
    const epoch = this.epoch;
    if (missed) this.chain = this.chain.then(() => this.play(missed, epoch));
  }

  /** Queues a call: the chime, then «شماره …، میز …». Resolves when it has been played (or could not be). */
  announce(call: Announcement): Promise<void> {
    const parts = spokenParts(call.ticket, call.desk);
    const epoch = this.epoch;
    this.chain = this.chain.then(() => this.play(parts, epoch));
    return this.chain;
  }

  /** Stops what is playing and drops what is queued (the page is going away); the announcer can be used again after. */
  dispose(): void {
    this.epoch += 1;
    for (const a of this.clips.values()) a.pause();
    this.chain = Promise.resolve();
  }

  private clip(name: string): HTMLAudioElement {
    let audio = this.clips.get(name);
    if (!audio) {
      audio = new Audio(`${SOUNDS}${name}.${EXT}`);
      audio.preload = 'auto';
      this.clips.set(name, audio);
    }
    return audio;
  }

  private async play(parts: string[], epoch: number): Promise<void> {
    if (epoch !== this.epoch) return;
    this.lastParts = ['chime', ...parts];
    this.lastPlayed = [];
    for (const name of this.lastParts) {
      if (epoch !== this.epoch) return;
      if (name === 'miz') await sleep(PAUSE_BEFORE_DESK_MS);
      const outcome = await this.playOne(name);
      if (outcome === 'blocked') {
        this.refused = parts;
        this.setState('blocked');
        return;
      }
      if (outcome === 'played') this.lastPlayed.push(name);
    }
    if (this.state === 'unknown') this.setState('ready');
  }

  private playOne(name: string): Promise<'played' | 'failed' | 'blocked'> {
    const audio = this.clip(name);
    return new Promise((resolve) => {
      let done = false;
      const finish = (o: 'played' | 'failed' | 'blocked') => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        audio.removeEventListener('ended', onEnded);
        audio.removeEventListener('error', onError);
        resolve(o);
      };
      const onEnded = () => finish('played');
      const onError = () => finish('failed');
      const timer = setTimeout(() => {
        audio.pause();
        finish('failed');
      }, CLIP_TIMEOUT_MS);
      audio.addEventListener('ended', onEnded);
      audio.addEventListener('error', onError);
      audio.currentTime = 0;
      audio.play().catch((e: unknown) => finish(e instanceof DOMException && e.name === 'NotAllowedError' ? 'blocked' : 'failed'));
    });
  }
}
