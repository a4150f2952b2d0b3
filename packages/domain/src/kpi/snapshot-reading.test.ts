import { describe, expect, it } from 'vitest';
import { kpiDefinitionVersions } from './definitions.ts';
import { definitionDrift, definitionsUsed, driverChange } from './snapshot-reading.ts';

describe('driverChange', () => {
  it('reads new, up, down and flat against the period before', () => {
    expect(driverChange({ count: 5, previous: 0 })).toEqual({ label: 'new', trend: 'new' });
    expect(driverChange({ count: 0, previous: 0 })).toEqual({ label: '—', trend: 'none' });
    expect(driverChange({ count: 15, previous: 10 })).toEqual({ label: '+50%', trend: 'up' });
    expect(driverChange({ count: 6, previous: 8 })).toEqual({ label: '−25%', trend: 'down' });
    expect(driverChange({ count: 0, previous: 8 })).toEqual({ label: '−100%', trend: 'down' });
    expect(driverChange({ count: 1000, previous: 1001 })).toEqual({ label: '0%', trend: 'same' });
  });
});

describe('definitionsUsed', () => {
  it('flags a definition whose version moved on, or that is gone', () => {
    const used = definitionsUsed({ ...kpiDefinitionVersions(), csat: 0, handleTime: 1 });
    const firstResponse = used.find((definition) => definition.key === 'firstResponse')!;
    expect(firstResponse).toMatchObject({ label: 'First response time', changed: false });
    expect(definitionDrift(firstResponse)).toBeNull();
    const csat = used.find((definition) => definition.key === 'csat')!;
    expect(definitionDrift(csat)).toBe('computed with v0; the current definition is v1');
    const gone = used.find((definition) => definition.key === 'handleTime')!;
    expect(gone).toMatchObject({ label: 'handleTime', formula: null, changed: true });
    expect(definitionDrift(gone)).toBe('computed with v1; this KPI is no longer defined');
  });
});
