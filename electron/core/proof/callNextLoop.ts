/**
 * Child process of the race proof: a desk on its own connection. It waits for `go <instant>` on
 * stdin and then for that instant (so every desk starts at the same moment), then calls "next" until the queue is empty,
 * printing each visit it was handed, and `done` at the end.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { typedCall } from '../api/dispatch';
import { createCore } from '../index';
import { steppingClock } from '../testing/tempCore';

const { values } = parseArgs({ options: { file: { type: 'string' }, meeting: { type: 'string' }, token: { type: 'string' }, clock: { type: 'string' }, desk: { type: 'string' } } });
// The test's clock (its session was made at that time), stepping on from where it was.
const core = createCore({ file: values.file!, log: () => undefined, now: steppingClock(values.clock!) });
const call = typedCall(core.dispatch, values.token!);
process.stdout.write('ready\n');
const input = createInterface({ input: process.stdin });
input.once('line', (line) => {
  // `go <instant>`: every desk waits for the same instant, then they all call at once.
  const at = Number(line.split(' ')[1]);
  while (Date.now() < at) {
    // a few hundred milliseconds at most
  }
  const handed: string[] = [];
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const r = call('queue.callNext', { meetingId: values.meeting!, desk: values.desk! });
    if (!r.ok) throw new Error(r.error.message);
    if (r.value === null) break;
    handed.push(r.value.visitId);
    // The desk lets the visitor go almost at once (an official would talk first), so it can call again.
    const gone = call('queue.noShow', { visitId: r.value.visitId });
    if (!gone.ok) throw new Error(gone.error.message);
    // A pause of 0–2 ms, as a desk has between visitors. Without it, the desk that holds the write
    // lock takes it straight back for its next call while the others are still asleep in SQLite's
    // busy handler, and one desk could be handed every visitor: no race at all.
    Atomics.wait(pause, 0, 0, Math.random() * 2);
  }
  process.stdout.write(`${handed.join('\n')}\ndone\n`);
  core.close();
  process.exit(0);
});
