import { describe, expect, it } from 'vitest';
import { code } from '../../test/helpers.js';

describe('fatalities', () => {
  it.each([
    ['The US strike killed three Iraqi army soldiers, two policemen and a civilian worker.', 6, null],
    ['Gunmen killed at least 12 people and wounded 30 in an attack on a market in Kabul.', 12, 30],
    ['Dozens of protesters were killed when troops opened fire in Khartoum.', 12, null],
    ['A car bomb exploded in Mogadishu on Monday, killing twenty-five people.', 25, null],
    ['The militia attacked a village in Ituri, injuring 14 civilians.', null, 14],
    ['An air strike on the camp killed two commanders, Ali Hassan and Omar Farouk.', 2, null],
  ])('%s', (text, killed, injured) => {
    const events = code(text).filter((e) => e.type === 'ASSAULT');
    expect(events.length).toBeGreaterThan(0);
    expect(events[0].fatalities.killed).toBe(killed);
    expect(events[0].fatalities.injured).toBe(injured);
  });
});
