/**
 * The checkpoint worker's program (plain JavaScript, run by checkpointer.ts with `startWorker`,
 * like the backup's copy in backup/copyWorker.ts). It runs as one synchronous loop and never
 * returns to its event loop: it sleeps on a shared word (`Atomics.wait`, woken at once by a stop),
 * reads the WAL's length from the wal-index header every `pollMs`, and runs
 * `PRAGMA wal_checkpoint(PASSIVE)` on its own connection when `thresholdFrames` frames are not yet
 * in the database file. PASSIVE never waits for the desks: it copies what no reader still needs
 * and leaves the rest for the next round; the host's next write then starts the WAL over.
 *
 * The shared words (an Int32Array over a SharedArrayBuffer handed in `workerData.control`):
 * `STATE` goes BOOTING → OPEN (the worker, just before it opens its connection) → CLOSED (after
 * it closed it, whatever happened), or BOOTING → CANCELLED (the host, stopping a worker that has
 * not opened anything yet); `STOP` is set by the host to end the loop. So the host can stop the
 * worker synchronously and know that its connection is closed (checkpointer.ts, `stop`).
 */

export const STATE = 0;
export const STOP = 1;
export const BOOTING = 0;
export const OPEN = 1;
export const CLOSED = 2;
export const CANCELLED = 3;

/** Bytes of the wal-index (-shm) header read: `mxFrame` at 16, `nBackfill` at 96. */
export const HEADER_BYTES = 100;
export const MX_FRAME_AT = 16;
export const BACKFILL_AT = 96;

export const CHECKPOINT_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const littleEndian = require('node:os').endianness() === 'LE';
const Database = require(workerData.driver);
const control = new Int32Array(workerData.control);
const { file, thresholdFrames, pollMs, maxRounds } = workerData;

function run() {
  // Stopped before it began: nothing opened, nothing to close.
  if (Atomics.compareExchange(control, ${STATE}, ${BOOTING}, ${OPEN}) !== ${BOOTING}) return;
  let db = null;
  let fd = null;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    const mode = db.pragma('journal_mode', { simple: true });
    if (mode !== 'wal') throw new Error('the database is not in WAL mode (' + mode + ')');
    // The wal-index exists while a connection (this one) is open; its header is read, not locked:
    // a torn value only moves one decision by one poll.
    fd = fs.openSync(file + '-shm', 'r');
    const header = Buffer.alloc(${HEADER_BYTES});
    const word = (at) => (littleEndian ? header.readUInt32LE(at) : header.readUInt32BE(at));
    const look = () => (fs.readSync(fd, header, 0, ${HEADER_BYTES}, 0) < ${HEADER_BYTES} ? null : { frames: word(${MX_FRAME_AT}), backfilled: word(${BACKFILL_AT}) });
    const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ready: true });
    // A checkpoint that could copy nothing more (a reader holds the older frames, e.g. a backup's
    // copy) is tried again only once the WAL has grown.
    let stuckAt = -1;
    for (;;) {
      Atomics.wait(control, ${STOP}, 0, pollMs);
      if (Atomics.load(control, ${STOP}) !== 0) break;
      let wal = look();
      if (!wal) continue;
      const pending = wal.backfilled <= wal.frames ? wal.frames - wal.backfilled : wal.frames;
      if (pending < thresholdFrames || wal.frames === stuckAt) continue;
      // A round copies the frames there were when it began; those the desks commit meanwhile are
      // copied by the next round (a shorter one), until the whole WAL is in the file between two
      // commits: only then does the next commit start the WAL over instead of making it longer.
      const began = Date.now();
      let rounds = 0;
      let busy = 0;
      while (rounds < maxRounds && Atomics.load(control, ${STOP}) === 0) {
        busy = checkpoint.get().busy;
        rounds += 1;
        const after = look();
        if (busy !== 0 || !after) break;
        if (after.backfilled >= after.frames || after.frames < wal.frames) {
          stuckAt = -1;
          wal = after;
          break;
        }
        if (after.backfilled <= wal.backfilled) {
          stuckAt = after.frames;
          wal = after;
          break;
        }
        wal = after;
      }
      parentPort.postMessage({ checkpoint: { busy, frames: wal.frames, backfilled: wal.backfilled, rounds, ms: Date.now() - began } });
    }
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.code) || '') + ' ' + String((e && e.message) || e) });
  } finally {
    try {
      if (fd !== null) fs.closeSync(fd);
      if (db && db.open) db.close();
    } finally {
      Atomics.store(control, ${STATE}, ${CLOSED});
      Atomics.notify(control, ${STATE});
    }
  }
}
run();
`;
