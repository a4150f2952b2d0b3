import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rule } from './fixtures.ts';
import {
  buildRoutingGuide,
  csvField,
  defaultSlaText,
  type GuideRequestType,
  guideToCsv,
  guideToMarkdown,
  type RoutingGuideRow,
  SET_BY_AGENT,
} from './guide.ts';

const requestTypes: GuideRequestType[] = [
  {
    code: 'DRIVER_NO_SHOW',
    name: 'Driver no-show',
    audience: 'guest',
    defaultPriority: 'P2',
    sopTitle: 'No-show at pickup',
    macroNames: ['Driver on the way', 'Rebook, no-show'],
  },
  {
    code: 'REFUND_REQUEST',
    name: 'Refund request',
    audience: 'guest',
    defaultPriority: 'P3',
    macroNames: [],
  },
  {
    code: 'PAYOUT_MISSING',
    name: 'Payout missing',
    audience: 'driver',
    defaultPriority: 'P2',
    sopTitle: null,
    macroNames: [],
  },
];
const inboxes = [
  { code: 'LIS_GUEST', name: 'Lisbon guests' },
  { code: 'OPO_GUEST', name: 'Porto guests' },
];

const rules = [
  rule('Lisbon no-shows', [{ field: 'city', op: 'in', values: ['LIS'] }], {
    requestTypeCode: 'DRIVER_NO_SHOW',
    inboxCode: 'LIS_GUEST',
    priority: 'P1',
    addTags: ['no-show', 'airport'],
  }),
  rule('Porto no-shows', [{ field: 'city', op: 'in', values: ['OPO'] }], {
    requestTypeCode: 'DRIVER_NO_SHOW',
    inboxCode: 'OPO_GUEST',
    addTags: ['no-show'],
  }),
  rule(
    'Old refunds',
    [],
    { requestTypeCode: 'REFUND_REQUEST', inboxCode: 'LIS_GUEST' },
    { enabled: false },
  ),
];

describe('buildRoutingGuide', () => {
  const rows = buildRoutingGuide({ rules, requestTypes, inboxes });

  it('derives each request type’s tags, inboxes, priority and SLA from the enabled rules', () => {
    expect(rows[0]).toEqual({
      requestTypeCode: 'DRIVER_NO_SHOW',
      requestType: 'Driver no-show',
      audience: 'Guest',
      setBy: '“Lisbon no-shows”, “Porto no-shows”',
      tags: 'no-show, airport',
      inbox: 'Lisbon guests; Porto guests',
      playbook: 'SOP “No-show at pickup” · Macros: Driver on the way, Rebook, no-show',
      priority: 'P1 Urgent; P2 High (default)',
      sla: 'P1: First reply 15 min · resolved in 4 h; P2: First reply 1 h · resolved in 24 h',
    });
  });

  it('says the agent sets a request type no enabled rule sets', () => {
    expect(rows[1]).toMatchObject({
      requestType: 'Refund request',
      setBy: SET_BY_AGENT,
      tags: '—',
      inbox: '—',
      playbook: 'No SOP yet',
      priority: 'P3 Normal (default)',
      sla: defaultSlaText('P3'),
    });
    expect(rows[2]).toMatchObject({ audience: 'Driver', setBy: SET_BY_AGENT });
  });

  it('uses the caller’s SLA wording and falls back to codes for unknown inboxes', () => {
    const [row] = buildRoutingGuide({
      rules: [
        rule('Payouts', [], {
          requestTypeCode: 'PAYOUT_MISSING',
          inboxCode: 'PAYOUTS',
          priority: 'P2',
        }),
      ],
      requestTypes: [requestTypes[2]!],
      inboxes,
      slaTargets: (priority) => `${priority} in business hours`,
    });
    expect(row).toMatchObject({
      inbox: 'PAYOUTS',
      priority: 'P2 High',
      sla: 'P2 in business hours',
    });
  });
});

describe('CSV and Markdown', () => {
  const row: RoutingGuideRow = {
    requestTypeCode: 'DRIVER_NO_SHOW',
    requestType: 'Driver "no-show", airport',
    audience: 'Guest',
    setBy: '=HYPERLINK("x")',
    tags: 'a|b',
    inbox: 'Line one\nLine two',
    playbook: '—',
    priority: 'P1 Urgent',
    sla: 'First reply 15 min',
  };

  it('quotes fields per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-5')).toBe("'-5");
    expect(guideToCsv([row])).toBe(
      'Request type,Code,Audience,Set by,Tags,Inbox,Playbook,Priority,SLA\r\n' +
        '"Driver ""no-show"", airport",DRIVER_NO_SHOW,Guest,"\'=HYPERLINK(""x"")",a|b,"Line one\nLine two",—,P1 Urgent,First reply 15 min\r\n',
    );
  });

  it('property: every CSV field reads back as written (apart from the formula guard)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (value) => {
        const field = csvField(value);
        const unquoted = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
        expect(unquoted).toBe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
        if (!field.startsWith('"')) expect(field).not.toMatch(/[",\r\n]/);
      }),
    );
  });

  it('escapes pipes and flattens line breaks in Markdown', () => {
    const markdown = guideToMarkdown([row]);
    expect(markdown.split('\n')).toEqual([
      '| Request type | Code | Audience | Set by | Tags | Inbox | Playbook | Priority | SLA |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| Driver "no-show", airport | DRIVER_NO_SHOW | Guest | =HYPERLINK("x") | a\\|b | Line one Line two | — | P1 Urgent | First reply 15 min |',
      '',
    ]);
  });
});
