/**
 * Child process of the crash proof: opens the core on `--file`, signs in, and registers
 * visitors in a loop through dispatch, printing one line per acknowledged intake
 * (`ack <visitId> <clientId> <nationalId> <requests>`) only after the call returned — what a
 * desk would have shown the operator as done. It runs until it is killed.
 */
import { parseArgs } from 'node:util';
import { typedCall } from '../api/dispatch';
import { withCheckDigit } from '../domain/nationalId';
import { createCore } from '../index';
import { steppingClock } from '../testing/tempCore';

const { values } = parseArgs({ options: { file: { type: 'string' }, meeting: { type: 'string' }, token: { type: 'string' }, clock: { type: 'string' }, start: { type: 'string' } } });
// The test's clock (its session was made at that time), stepping on from where it was.
const core = createCore({ file: values.file!, log: () => undefined, now: steppingClock(values.clock!) });
const call = typedCall(core.dispatch, values.token!);
const categories = call('lists.all', {});
if (!categories.ok) throw new Error(categories.error.message);
const categoryId = categories.value.categories[0]!.id;
let n = Number(values.start);
process.stdout.write('ready\n');
for (;;) {
  n += 1;
  const nationalId = withCheckDigit(String(100_000_000 + n * 7).slice(-9));
  const requests = 1 + (n % 3);
  const r = call('visits.register', {
    meetingId: values.meeting!,
    newClient: { nationalId, firstName: 'مددجو', lastName: `شماره ${n}`, sex: n % 2 ? 'female' : 'male' },
    requests: Array.from({ length: requests }, (_, i) => ({ categoryId, text: `درخواست ${i + 1}` })),
  });
  if (r.ok) process.stdout.write(`ack ${r.value.visitId} ${r.value.clientId} ${nationalId} ${requests}\n`);
  else if (r.error.code !== 'conflict') throw new Error(r.error.message);
}
