/**
 * `npm run bench:plan`: times the reminder plan on the synthetic national data
 * set, in one run: the full plan, the re-plan after one meeting moves, and a bare
 * linear scan over the same data (the floor any plan must pay), with ratios.
 * Targets (issue 3): full plan < 500 ms, one moved meeting < 10 ms.
 */
import { generateSynthetic, nationalSize } from './synthetic.js';
import { buildReminderPlan, planOf, replanMeeting, type ReminderPlanInput } from '../src/domain/reminders/reminder.planner.js';
import { addDays } from '../src/domain/calendar/working-day.calendar.js';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const t0 = process.hrtime.bigint();
const data = generateSynthetic(nationalSize);
const genMs = ms(t0);
const input: ReminderPlanInput = {
  forums: data.forums,
  terms: data.terms,
  memberships: data.memberships,
  meetings: data.meetings,
  tasks: data.tasks,
  delivered: [],
  now: data.now,
};

// Bare linear scan: touch every meeting, membership and task once, grouping by forum.
function linearScan(): number {
  const perForum = new Map<string, number>();
  for (const m of input.memberships) perForum.set(m.forumId, (perForum.get(m.forumId) ?? 0) + 1);
  let acc = 0;
  for (const m of input.meetings) acc += (perForum.get(m.forumId) ?? 0) + m.date.length;
  for (const t of input.tasks) acc += t.dueOn.length;
  return acc;
}

const coldT = process.hrtime.bigint();
let state = buildReminderPlan(input);
let plan = planOf(state);
const coldMs = ms(coldT);

const fullRuns: number[] = [];
for (let i = 0; i < 5; i += 1) {
  const t = process.hrtime.bigint();
  state = buildReminderPlan(input);
  plan = planOf(state);
  fullRuns.push(ms(t));
}

const scanRuns: number[] = [];
for (let i = 0; i < 20; i += 1) {
  const t = process.hrtime.bigint();
  linearScan();
  scanRuns.push(ms(t));
}

const moveRuns: number[] = [];
const upcoming = data.meetings.filter((m) => m.status === 'planned');
for (let i = 0; i < 200; i += 1) {
  const m = upcoming[(i * 37) % upcoming.length]!;
  const moved = { ...m, date: addDays(m.date, 7 + (i % 5)), revision: m.revision + 1 };
  const t = process.hrtime.bigint();
  const r = replanMeeting(state, moved);
  moveRuns.push(ms(t));
  if (r.upserted.length === 0 && r.removedKeys.length === 0) throw new Error('a moved meeting re-planned to nothing');
}

const full = median(fullRuns);
const move = median(moveRuns);
const scan = median(scanRuns);
const lines = [
  `data set: ${data.forums.length} forums, ${data.people.length} people, ${data.memberships.length} memberships, ${data.meetings.length} meetings, ${data.tasks.length} tasks (generated in ${genMs.toFixed(0)} ms)`,
  `reminders planned: ${plan.length}`,
  `full plan:         ${full.toFixed(1)} ms median of ${fullRuns.length} (cold first run ${coldMs.toFixed(1)} ms)  target < 500 ms  ${full < 500 ? 'OK' : 'MISSED'}`,
  `one meeting moved: ${move.toFixed(3)} ms median of ${moveRuns.length} (max ${Math.max(...moveRuns).toFixed(3)} ms)  target < 10 ms  ${move < 10 ? 'OK' : 'MISSED'}`,
  `bare linear scan:  ${scan.toFixed(2)} ms median of ${scanRuns.length}`,
  `ratios: full / scan = ${(full / scan).toFixed(1)}x, move / full = ${(move / full).toFixed(4)} (${(full / move).toFixed(0)}x faster), move / scan = ${(move / scan).toFixed(3)}`,
];
process.stdout.write(lines.join('\n') + '\n');
