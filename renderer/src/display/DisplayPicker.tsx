import { useLocation } from 'wouter';
import { call, session } from '../api/client';
import { useCall } from '../api/hooks';
import { fa as faDigits, jalaliDate } from '../format';
import { fa, fill } from '../locale/fa';
import './display.css';

/** For the display role: choose which open meeting this screen shows (big buttons, for a TV's remote or a mouse). */
export function DisplayPicker() {
  const meetings = useCall('meetings.list', { status: 'open' });
  const me = useCall('auth.me', {});
  const [, navigate] = useLocation();
  const logout = async () => {
    try {
      await call('auth.logout', {});
    } finally {
      session.set(null);
    }
  };
  const list = meetings.data ?? [];
  return (
    <div className="dd-root dd-picker" data-testid="display-picker">
      <header className="dd-header">
        <div className="dd-title">
          <div className="dd-meeting">{fa.display.pickTitle}</div>
          <div className="dd-sub">{fa.display.pickIntro}</div>
        </div>
        <div className="dd-picker-who">
          <span>{me.data?.displayName}</span>
          <button type="button" className="dd-change" onClick={() => void logout()}>
            {fa.app.logout}
          </button>
        </div>
      </header>
      <main className="dd-picker-list">
        {meetings.isSuccess && list.length === 0 && <div className="dd-message">{fa.display.pickEmpty}</div>}
        {list.map((m) => (
          <button key={m.id} type="button" className="dd-picker-item" onClick={() => navigate(`/display/${m.id}`)} data-testid="display-pick">
            <span className="dd-picker-name">{m.title}</span>
            <span className="dd-picker-meta">{jalaliDate(m.date, true)}</span>
            <span className="dd-picker-meta">{m.place}</span>
            <span className="dd-picker-meta">{fill(fa.display.waitingCount, { n: faDigits(m.waiting) })}</span>
          </button>
        ))}
      </main>
    </div>
  );
}
