import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { QueueBoard } from '../../../electron/core/contract';
import { useCall } from '../api/hooks';
import { fa as faDigits, jalaliDate, tehranTime, todayTehran } from '../format';
import { fa, fill } from '../locale/fa';
import { Announcer, type AudioState } from './announcer';
import { newCalls, type BoardCall, type SeenCalls } from './calls';
import { spokenParts } from './speech';
import { useLink } from './useLink';
import './display.css';

/** How long a new call stays highlighted. */
const FRESH_MS = 8_000;
/** How many waiting numbers and how many other calls fit on the screen. */
const NEXT_SHOWN = 6;
const OTHER_CALLS_SHOWN = 6;

/** A clock that ticks each second: today's Jalali date and the time, Tehran time. */
function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <div className="dd-clock">
      <div className="dd-time" data-testid="display-clock">
        {tehranTime(now.toISOString())}
      </div>
      <div className="dd-date" data-testid="display-date">
        {jalaliDate(todayTehran(), true)}
      </div>
    </div>
  );
}

function SpeakerIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="dd-sound-icon">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The sound: one announcer for the page; its state tells whether the browser lets it play. */
function useAnnouncer() {
  const [announcer] = useState(() => new Announcer());
  const [state, setState] = useState<AudioState>(announcer.audioState);
  useEffect(() => {
    const off = announcer.onState(setState);
    void announcer.probe();
    return () => {
      off();
    };
  }, [announcer]);
  useEffect(() => () => announcer.dispose(), [announcer]);
  return { announcer, state };
}

const callKey = (c: BoardCall) => `${c.visitId}:${c.callCount}:${c.calledAt}`;
const desk = (label: string) => faDigits(label);

/**
 * The waiting-room display of a meeting (a TV): the numbers being called and their desks, the
 * next numbers and how many are ahead of each, the meeting's name, the Jalali date and a live
 * clock. Ticket numbers only, no personal data. It changes on the host's events alone; a new
 * call (or a call again) chimes, is spoken («شماره …، میز …») and is highlighted for a few
 * seconds. While the link is down the board is replaced by a notice, and comes back only after
 * a full snapshot has been read again.
 */
export function DisplayScreen({ meetingId }: { meetingId: string }) {
  // Another meeting starts afresh: nothing of the last one's calls is announced as new.
  return <Display key={meetingId} meetingId={meetingId} />;
}

function Display({ meetingId }: { meetingId: string }) {
  const board = useCall('queue.board', { meetingId });
  const meeting = useCall('meetings.get', { id: meetingId });
  const me = useCall('auth.me', {});
  const link = useLink(board.refetch);
  const { announcer, state: audio } = useAnnouncer();
  const [, navigate] = useLocation();

  // New calls: announced once each, highlighted for a while.
  const seen = useRef<SeenCalls | null>(null);
  const [fresh, setFresh] = useState<ReadonlyMap<string, number>>(new Map());
  // The last call spoken and the clips that played to the end (shown as attributes, for the tests).
  const [spoken, setSpoken] = useState({ parts: '', played: '', count: 0 });
  const data = board.data;
  useEffect(() => {
    if (!data) return;
    const result = newCalls(seen.current, data.calling);
    seen.current = result.seen;
    if (result.fresh.length === 0) return;
    const until = Date.now() + FRESH_MS;
    setFresh((m) => new Map([...m, ...result.fresh.map((c) => [callKey(c), until] as const)]));
    // After a long outage only the latest few are spoken; all are highlighted.
    for (const c of result.fresh.slice(-3)) {
      const parts = ['chime', ...spokenParts(c.ticket, c.desk)].join(' ');
      setSpoken((s) => ({ parts, played: '', count: s.count + 1 }));
      void announcer.announce({ ticket: c.ticket, desk: c.desk }).then(() => setSpoken((s) => (s.parts === parts ? { ...s, played: announcer.lastPlayed.join(' ') } : s)));
    }
  }, [data, announcer]);
  useEffect(() => {
    if (fresh.size === 0) return;
    const next = Math.min(...fresh.values());
    const t = setTimeout(
      () => setFresh((m) => new Map([...m].filter(([, until]) => until > Date.now()))),
      Math.max(0, next - Date.now()) + 50,
    );
    return () => clearTimeout(t);
  }, [fresh]);

  const notFound = board.error?.error.code === 'not_found';
  const closed = meeting.data?.status === 'closed';

  return (
    <div className="dd-root" data-testid="display" data-link={link} data-audio={audio} data-spoken={spoken.parts} data-played={spoken.played} data-announced={spoken.count}>
      <header className="dd-header">
        <div className="dd-title">
          <div className="dd-meeting" data-testid="display-meeting">
            {data?.meetingTitle ?? meeting.data?.title ?? ''}
          </div>
          <div className="dd-sub">
            {fa.display.title}
            {data && <span className="dd-count">{fill(fa.display.waitingCount, { n: faDigits(data.waiting.length) })}</span>}
          </div>
        </div>
        {audio === 'blocked' && (
          <button type="button" className="dd-sound" onClick={() => announcer.unlock()} data-testid="enable-sound">
            <span className="dd-sound-title">
              <SpeakerIcon />
              {fa.display.enableSound}
            </span>
            <small>{fa.display.soundHint}</small>
          </button>
        )}
        <Clock />
      </header>

      {notFound ? (
        <div className="dd-message">{fa.display.notFound}</div>
      ) : link === 'online' && data ? (
        <Board data={data} fresh={fresh} />
      ) : (
        <div className="dd-main" />
      )}

      <footer className="dd-footer">
        <span>{closed ? fa.display.closed : fa.display.guide}</span>
        {me.data?.role === 'display' && (
          <button type="button" className="dd-change" onClick={() => navigate('/')}>
            {fa.display.change}
          </button>
        )}
      </footer>

      {link !== 'online' && (
        <div className="dd-offline" role="alert" data-testid="display-offline">
          <div className="dd-offline-title">{fa.display.disconnected}</div>
          <div className="dd-offline-text">{fa.display.reconnecting}</div>
        </div>
      )}

    </div>
  );
}

function Board({ data, fresh }: { data: QueueBoard; fresh: ReadonlyMap<string, number> }) {
  const [hero, ...others] = data.calling;
  const next = data.waiting.slice(0, NEXT_SHOWN);
  const more = data.waiting.length - next.length;
  return (
    <main className="dd-main" data-testid="display-board">
      <section className="dd-calling">
        <h2 className="dd-heading">{fa.display.nowCalling}</h2>
        {hero ? (
          <>
            <div
              key={callKey(hero)}
              className={`dd-hero${fresh.has(callKey(hero)) ? ' is-fresh' : ''}`}
              data-testid="display-call"
              data-ticket={hero.ticket}
              data-fresh={fresh.has(callKey(hero))}
            >
              <div className="dd-hero-label">{fa.display.number}</div>
              <div className="dd-hero-ticket">{faDigits(hero.ticket)}</div>
              <div className="dd-hero-arrow" aria-hidden>
                ←
              </div>
              <div className="dd-hero-desk">
                <span className="dd-hero-to">{fa.display.toDesk}</span>
                {desk(hero.desk)}
              </div>
            </div>
            <div className="dd-others">
              {others.slice(0, OTHER_CALLS_SHOWN).map((c) => (
                <div
                  key={callKey(c)}
                  className={`dd-other${fresh.has(callKey(c)) ? ' is-fresh' : ''}`}
                  data-testid="display-call"
                  data-ticket={c.ticket}
                  data-fresh={fresh.has(callKey(c))}
                >
                  <span className="dd-other-ticket">{faDigits(c.ticket)}</span>
                  <span className="dd-other-desk">{desk(c.desk)}</span>
                </div>
              ))}
            </div>
          </>
        ) : (
          <div className="dd-empty">{fa.display.noCalls}</div>
        )}
      </section>
      <section className="dd-next">
        <h2 className="dd-heading">{fa.display.next}</h2>
        {next.length === 0 ? (
          <div className="dd-empty">{fa.display.noWaiting}</div>
        ) : (
          <ol className="dd-next-list">
            {next.map((w) => (
              <li key={w.ticket} className="dd-next-row" data-testid="display-next" data-ticket={w.ticket} data-ahead={w.ahead}>
                <span className="dd-next-ticket">{faDigits(w.ticket)}</span>
                <span className="dd-next-ahead">{w.ahead === 0 ? fa.display.youAreNext : fill(fa.display.ahead, { n: faDigits(w.ahead) })}</span>
              </li>
            ))}
          </ol>
        )}
        {more > 0 && <div className="dd-more">{fill(fa.display.more, { n: faDigits(more) })}</div>}
      </section>
    </main>
  );
}
