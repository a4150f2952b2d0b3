import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionHandleOf, mentionHandles } from './mentions.ts';

describe('mentionHandles', () => {
  it('finds @handles in a note, lower-cased, unique, in order of appearance', () => {
    expect(
      mentionHandles('@Priya.Nair can you check the payout? cc @lead and @priya.nair again'),
    ).toEqual(['priya.nair', 'lead']);
  });

  it('finds handles after punctuation and stops before trailing punctuation', () => {
    expect(mentionHandles('(@ana.silva) ping,@rui_costa; and @joão?')).toEqual([
      'ana.silva',
      'rui_costa',
    ]);
    expect(mentionHandles('Thanks @ana.silva.')).toEqual(['ana.silva']);
    expect(mentionHandles("@ana-maria's call")).toEqual(['ana-maria']);
    expect(mentionHandles('first line\n@agent second')).toEqual(['agent']);
  });

  it('does not take email addresses or doubled @ for mentions', () => {
    expect(mentionHandles('The guest wrote from ana@example.com')).toEqual([]);
    expect(mentionHandles('write to support@@agent')).toEqual([]);
    expect(mentionHandles('a.@agent')).toEqual([]);
  });

  it('finds nothing in a note without mentions', () => {
    expect(mentionHandles('')).toEqual([]);
    expect(mentionHandles('No one to ping @ all')).toEqual([]);
  });

  it('property: a colleague’s handle is found wherever it is mentioned', () => {
    const handleArb = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}[a-z0-9]$/);
    fc.assert(
      fc.property(
        handleArb,
        fc.constantFrom('', 'Hi ', 'cc: ', '(', 'line\n'),
        (handle, before) => {
          const email = `${handle}@switchboard.test`;
          expect(mentionHandles(`${before}@${mentionHandleOf(email)} please look`)).toContain(
            mentionHandleOf(email),
          );
        },
      ),
    );
  });

  it('property: every handle found is lower-case and appears at most once', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (body) => {
        const handles = mentionHandles(body);
        expect(new Set(handles).size).toBe(handles.length);
        for (const handle of handles) expect(handle).toBe(handle.toLowerCase());
      }),
    );
  });
});

describe('mentionHandleOf', () => {
  it('is the lower-cased part of the email before the @', () => {
    expect(mentionHandleOf('Priya.Nair@switchboard.test')).toBe('priya.nair');
    expect(mentionHandleOf('agent@switchboard.test')).toBe('agent');
  });
});
