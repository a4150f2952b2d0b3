import { describe, expect, it } from 'vitest';
import { candidateInputSchema, moveCandidateInputSchema, stageMoveIssue } from './candidates.ts';
import type { StageKind } from './pipeline.ts';

type StageRef = { id: string; kind: StageKind };
const active = (id: string): StageRef => ({ id, kind: 'active' });
const hired: StageRef = { id: 'h', kind: 'hired' };
const rejected: StageRef = { id: 'r', kind: 'rejected' };

describe('candidate input', () => {
  it('accepts a candidate and fills the optional fields', () => {
    expect(
      candidateInputSchema.parse({
        requisitionId: '2f7f8c1e-6d3a-4c3e-9a51-0b6f1d2a3c4e',
        name: ' Inês Costa ',
        email: 'ines.costa@example.com',
        languages: ['pt-PT', 'en'],
        source: 'referral',
      }),
    ).toMatchObject({ name: 'Inês Costa', phone: '', location: '' });
  });

  it('names each bad field', () => {
    const result = candidateInputSchema.safeParse({
      requisitionId: 'nope',
      name: '',
      email: 'ines',
      phone: 'call me',
      languages: ['Portuguese'],
      source: 'billboard',
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['requisitionId', 'Requisition: choose one'],
      ['name', 'Name: required'],
      ['email', 'Email: enter a valid address'],
      ['phone', 'Phone: digits, spaces, brackets, dashes and +'],
      ['languages.0', 'Use a language code such as en, pt-PT or es-MX'],
      ['source', 'Source: choose where they came from'],
    ]);
  });

  it('defaults a move to no reason and no note', () => {
    expect(
      moveCandidateInputSchema.parse({
        candidateId: '2f7f8c1e-6d3a-4c3e-9a51-0b6f1d2a3c4e',
        toStageId: '2f7f8c1e-6d3a-4c3e-9a51-0b6f1d2a3c4f',
      }),
    ).toMatchObject({ rejectionReason: null, note: '' });
  });
});

describe('stageMoveIssue', () => {
  const move = (from: StageRef, to: StageRef, extra = {}) =>
    stageMoveIssue({ from, to, rejectionReason: null, note: '', ...extra });

  it('moves between active stages, forwards or back', () => {
    expect(move(active('a'), active('b'))).toBeNull();
    expect(move(active('b'), active('a'))).toBeNull();
  });

  it('refuses a move to the same stage, out of hired, or into hired', () => {
    expect(move(active('a'), active('a'))?.message).toBe(
      'Stage: the candidate is in this stage already',
    );
    expect(move(hired, active('a'))?.message).toBe('Stage: hired candidates stay hired');
    expect(move(active('a'), hired)?.message).toBe(
      'Stage: use Hire, which also creates their account',
    );
  });

  it('rejects only with a reason, and "other" only with a note', () => {
    expect(move(active('a'), rejected)).toEqual({
      field: 'rejectionReason',
      message: 'Reason: choose why the candidate is rejected',
    });
    expect(move(active('a'), rejected, { rejectionReason: 'other' })).toEqual({
      field: 'note',
      message: 'Note: explain the reason',
    });
    expect(
      move(active('a'), rejected, { rejectionReason: 'other', note: 'Moved abroad' }),
    ).toBeNull();
    expect(move(active('a'), rejected, { rejectionReason: 'withdrew' })).toBeNull();
  });

  it('brings a rejected candidate back to an active stage', () => {
    expect(move(rejected, active('a'))).toBeNull();
  });
});
