import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMacroInputSchema,
  formatLocalDateTime,
  formatMacroFieldValues,
  MACRO_VARIABLE_LABELS,
  MACRO_VARIABLES,
  type MacroField,
  macroContextOf,
  macroInputSchema,
  macroUpdateInputSchema,
  placeholdersIn,
  renderMacro,
  SAMPLE_MACRO_CONTEXT,
  sampleFieldValue,
  sharedMacroListInputSchema,
} from './macros.ts';

const refund: MacroField = {
  key: 'refund_amount',
  label: 'Refund amount',
  type: 'money',
  required: true,
};
const note: MacroField = { key: 'note', label: 'Note', type: 'text', required: false };

describe('macroInputSchema', () => {
  const valid = {
    name: 'Refund confirmed',
    body: 'Hi {{contact.first_name}}, we refunded {{fields.refund_amount}}.',
    scope: 'shared' as const,
    fields: [refund],
  };

  it('accepts a macro whose placeholders are known variables or its own fields', () => {
    const parsed = macroInputSchema.parse(valid);
    expect(parsed.inboxId).toBeNull();
    expect(parsed.actions).toEqual({ tags: [], priority: null, status: null });
  });

  it('names the body for an unknown placeholder', () => {
    const result = macroInputSchema.safeParse({ ...valid, body: 'Hi {{contact.nickname}}' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['body'],
        message: 'Unknown placeholder {{contact.nickname}}',
      }),
    ]);
    const field = macroInputSchema.safeParse({ ...valid, fields: [] });
    expect(field.error?.issues[0]?.message).toBe('Unknown placeholder {{fields.refund_amount}}');
  });

  it('refuses duplicate field keys and badly formed ones', () => {
    const duplicate = macroInputSchema.safeParse({ ...valid, fields: [refund, refund] });
    expect(duplicate.error?.issues.map((issue) => issue.path.join('.'))).toContain('fields');
    const badKey = macroInputSchema.safeParse({
      ...valid,
      fields: [{ ...refund, key: 'Refund Amount' }],
    });
    expect(badKey.error?.issues.map((issue) => issue.path.join('.'))).toContain('fields.0.key');
  });

  it('keeps personal macros out of single inboxes', () => {
    const result = macroInputSchema.safeParse({
      ...valid,
      scope: 'personal',
      inboxId: '33333333-3333-4333-8333-333333333333',
    });
    expect(result.error?.issues[0]?.path).toEqual(['inboxId']);
  });

  it('refuses tags that are not tag codes and statuses a macro cannot set', () => {
    const result = macroInputSchema.safeParse({
      ...valid,
      actions: { tags: ['Not A Tag'], priority: 'P9', status: 'closed' },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'actions.priority',
      'actions.status',
      'actions.tags.0',
    ]);
  });

  it('checks updates the same way, with the macro id', () => {
    expect(
      macroUpdateInputSchema.safeParse({ ...valid, macroId: 'x' }).error?.issues[0]?.path,
    ).toEqual(['macroId']);
    expect(
      macroUpdateInputSchema.safeParse({
        ...valid,
        macroId: '33333333-3333-4333-8333-333333333333',
        body: '{{nope}}',
      }).error?.issues[0]?.path,
    ).toEqual(['body']);
  });
});

describe('procedure inputs', () => {
  it('takes a uuid or "all" as the inbox filter', () => {
    expect(sharedMacroListInputSchema.parse({ inboxId: 'all' })).toMatchObject({ limit: 50 });
    expect(sharedMacroListInputSchema.safeParse({ inboxId: 'LIS' }).success).toBe(false);
  });

  it('names the field key at fault in fieldValues', () => {
    const result = applyMacroInputSchema.safeParse({
      conversationId: '22222222-2222-4222-8222-222222222222',
      macroId: '33333333-3333-4333-8333-333333333333',
      clientId: '44444444-4444-4444-8444-444444444444',
      fieldValues: { refund_amount: 'x'.repeat(501) },
    });
    expect(result.error?.issues[0]?.path).toEqual(['fieldValues', 'refund_amount']);
  });
});

describe('renderMacro', () => {
  it('fills variables and fields, and reports what is missing', () => {
    const rendered = renderMacro(
      'Hi {{contact.first_name}}, {{booking.reference}}: {{ fields.refund_amount }}{{fields.note}}',
      { 'contact.first_name': 'Marta' },
      [refund, note],
      {},
    );
    expect(rendered.text).toBe('Hi Marta, {{booking.reference}}: {{ fields.refund_amount }}');
    expect(rendered.missingVariables).toEqual(['booking.reference']);
    expect(rendered.missingFields).toEqual(['refund_amount']);
  });

  it('property: never leaves the placeholder of a filled field', () => {
    const keyArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(keyArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }),
        fc.boolean(),
        (keys, fillers, required) => {
          const fields = keys.map((key) => ({
            key,
            label: key,
            type: 'text' as const,
            required,
          }));
          const body = keys
            .map((key, index) => `${fillers[index] ?? ''}{{fields.${key}}}`)
            .join(' ');
          const values = Object.fromEntries(keys.map((key) => [key, `value of ${key}`]));
          const rendered = renderMacro(body, {}, fields, values);
          for (const key of keys) {
            expect(rendered.text).not.toContain(`{{fields.${key}}}`);
            expect(rendered.text).toContain(`value of ${key}`);
          }
          expect(rendered.missingFields).toEqual([]);
        },
      ),
    );
  });

  it('property: every variable with a value is replaced, and only empty ones are reported', () => {
    fc.assert(
      fc.property(
        fc.subarray([...MACRO_VARIABLES]),
        fc.subarray([...MACRO_VARIABLES]),
        (used, known) => {
          const body = used.map((name) => `{{${name}}}`).join(' / ');
          const context = Object.fromEntries(known.map((name) => [name, `<${name}>`]));
          const rendered = renderMacro(body, context, [], {});
          expect(placeholdersIn(rendered.text).sort()).toEqual(
            used.filter((name) => !known.includes(name)).sort(),
          );
          expect(rendered.missingVariables.sort()).toEqual(
            used.filter((name) => !known.includes(name)).sort(),
          );
        },
      ),
    );
  });

  it('property: a filled-in value that looks like a placeholder is not expanded again', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MACRO_VARIABLES), (variable) => {
        const rendered = renderMacro('{{fields.note}}', { [variable]: 'SECRET' }, [note], {
          note: `{{${variable}}}`,
        });
        expect(rendered.text).toBe(`{{${variable}}}`);
      }),
    );
  });
});

describe('formatMacroFieldValues', () => {
  const datetime: MacroField = {
    key: 'new_pickup_time',
    label: 'New pickup time',
    type: 'datetime',
    required: true,
  };

  it('formats money in the conversation currency', () => {
    expect(formatMacroFieldValues([refund], { refund_amount: '25' }, { currency: 'EUR' })).toEqual({
      values: { refund_amount: '€25.00' },
      problems: [],
    });
    expect(
      formatMacroFieldValues([refund], { refund_amount: '12,5' }, { currency: 'EUR' }).values,
    ).toEqual({ refund_amount: '€12.50' });
    expect(
      formatMacroFieldValues([refund], { refund_amount: '80' }, { currency: 'AED' }).values
        .refund_amount,
    ).toMatch(/^AED\s80\.00$/);
  });

  it('refuses amounts that are not amounts, naming the field', () => {
    for (const typed of ['15 minutes', '-5', '1.234', '€5']) {
      const result = formatMacroFieldValues(
        [refund],
        { refund_amount: typed },
        { currency: 'EUR' },
      );
      expect(result.problems).toEqual([
        { key: 'refund_amount', message: 'Enter an amount in EUR, e.g. 12.50' },
      ]);
    }
    expect(
      formatMacroFieldValues([refund], { refund_amount: '5.5' }, { currency: 'JPY' }).problems,
    ).toHaveLength(1);
  });

  it('shows a date and time as typed, in the city wall clock', () => {
    expect(
      formatMacroFieldValues(
        [datetime],
        { new_pickup_time: '2026-03-12 15:30' },
        {
          currency: 'EUR',
        },
      ).values,
    ).toEqual({ new_pickup_time: 'Thu 12 Mar, 15:30' });
    expect(
      formatMacroFieldValues(
        [datetime],
        { new_pickup_time: '2026-02-31T10:00' },
        {
          currency: 'EUR',
        },
      ).problems[0]?.key,
    ).toBe('new_pickup_time');
  });

  it('leaves empty values out and ignores keys that are not fields', () => {
    expect(
      formatMacroFieldValues([note, refund], { note: '  ', other: 'x' }, { currency: 'EUR' }),
    ).toEqual({ values: {}, problems: [] });
  });

  it('property: any amount typed with two decimals comes back with the same digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (minor) => {
        const typed = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
        const { values } = formatMacroFieldValues(
          [refund],
          { refund_amount: typed },
          { currency: 'EUR' },
        );
        expect(BigInt(values.refund_amount!.replace(/\D/g, ''))).toBe(BigInt(minor));
      }),
    );
  });
});

describe('macroContextOf', () => {
  it('fills every variable from a conversation with a booking, pickup in the city zone', () => {
    const context = macroContextOf({
      conversationNumber: 1042,
      contact: { name: 'Marta  Lopes', email: 'marta@example.com', phone: null },
      booking: {
        reference: 'DXB-1',
        pickupAddress: 'DXB Terminal 3',
        dropoffAddress: 'Dubai Marina',
        scheduledAt: new Date('2026-03-12T13:00:00Z'),
        fareAmountMinor: 8000,
        currency: 'AED',
        timeZone: 'Asia/Dubai',
        driverName: 'Omar',
      },
      agent: { name: 'Ana Silva' },
      city: { name: 'Dubai' },
    });
    expect(context).toMatchObject({
      'contact.first_name': 'Marta',
      'booking.pickup_time': 'Thu 12 Mar, 17:00',
      'booking.driver_name': 'Omar',
      'agent.first_name': 'Ana',
      'conversation.number': '#1042',
      'city.name': 'Dubai',
    });
    expect(context['booking.fare']).toMatch(/^AED\s80\.00$/);
    expect(context['contact.phone']).toBeUndefined();
  });

  it('leaves booking variables out when there is no booking', () => {
    const context = macroContextOf({
      conversationNumber: 7,
      contact: null,
      booking: null,
      agent: { name: 'Ana' },
      city: null,
    });
    expect(Object.keys(context).sort()).toEqual([
      'agent.first_name',
      'agent.name',
      'conversation.number',
    ]);
  });

  it('formats wall-clock times across daylight saving', () => {
    // Lisbon moves to summer time on 29 March 2026.
    expect(formatLocalDateTime(new Date('2026-03-30T13:00:00Z'), 'Europe/Lisbon')).toBe(
      'Mon 30 Mar, 14:00',
    );
  });
});

describe('console samples', () => {
  it('cover and label every variable', () => {
    expect(Object.keys(SAMPLE_MACRO_CONTEXT).sort()).toEqual([...MACRO_VARIABLES].sort());
    expect(Object.keys(MACRO_VARIABLE_LABELS).sort()).toEqual([...MACRO_VARIABLES].sort());
    const rendered = renderMacro(
      MACRO_VARIABLES.map((name) => `{{${name}}}`).join(' '),
      SAMPLE_MACRO_CONTEXT,
      [],
      {},
    );
    expect(rendered.missingVariables).toEqual([]);
  });

  it('give each field type a stand-in', () => {
    expect(sampleFieldValue(refund)).toBe('€25.00');
    expect(sampleFieldValue(note)).toBe('[Note]');
  });
});
