// addBusinessMinutes per second on one core: a Lisbon calendar with a lunch break, a
// Saturday morning and yearly holidays (so daylight-saving changes and closed days are in
// play), 100,000 fixed pseudo-random starts over two years and targets from a minute to a
// week of business time. Prints its figures as JSON on the last line.

import { addBusinessMinutes } from '../sla/business-time.ts';
import { businessCalendarOf } from '../sla/policy.ts';

declare const console: { log(...values: unknown[]): void };
declare const performance: { now(): number };

const SAMPLES = 100_000;
const RUN_MS = 2_000;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261124);

const weekday: Array<[string, string]> = [
  ['08:00', '13:00'],
  ['14:00', '20:00'],
];
const calendar = businessCalendarOf(
  {
    timeZone: 'Europe/Lisbon',
    alwaysOpen: false,
    weekly: {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: weekday,
      sat: [['09:00', '13:00']],
    },
    holidays: [
      { date: '2026-01-01', name: 'Ano Novo', yearly: true },
      { date: '2026-04-25', name: 'Dia da Liberdade', yearly: true },
      { date: '2026-06-10', name: 'Dia de Portugal', yearly: true },
      { date: '2026-12-25', name: 'Natal', yearly: true },
      { date: '2026-04-03', name: 'Sexta-feira Santa', yearly: false },
    ],
  },
  new Date('2026-11-24T00:00:00Z'),
);

const from = Date.UTC(2025, 0, 1);
const span = 2 * 365 * 86_400_000;
const starts = Array.from({ length: SAMPLES }, () => new Date(from + Math.floor(next() * span)));
const minutes = Array.from({ length: SAMPLES }, () => 1 + Math.floor(next() * next() * 3_000));

// Warm up (JIT and the calendar's memoised days), then count calls in RUN_MS.
for (let index = 0; index < SAMPLES; index += 1)
  addBusinessMinutes(starts[index]!, minutes[index]!, calendar);
let calls = 0;
let checksum = 0;
const started = performance.now();
while (performance.now() - started < RUN_MS) {
  for (let index = 0; index < 10_000; index += 1) {
    const sample = (calls + index) % SAMPLES;
    checksum += addBusinessMinutes(starts[sample]!, minutes[sample]!, calendar).getTime() % 7;
  }
  calls += 10_000;
}
const seconds = (performance.now() - started) / 1000;
if (checksum < 0) console.log('impossible');
console.log(JSON.stringify({ 'sla.addBusinessMinutesPerSecond': Math.round(calls / seconds) }));
