import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CityInput,
  citySchema,
  isKnownTimeZone,
  languageSchema,
  timeZoneSchema,
} from './places.ts';

const lisbon: CityInput = {
  code: 'LIS',
  name: 'Lisbon',
  countryCode: 'PT',
  timeZone: 'Europe/Lisbon',
  currency: 'EUR',
  languages: ['pt-PT', 'en'],
};

function paths(input: unknown): string[] {
  const result = citySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('isKnownTimeZone', () => {
  it.each([
    'Europe/Lisbon',
    'Asia/Dubai',
    'America/Mexico_City',
    'America/Argentina/Buenos_Aires',
    'UTC',
  ])('knows %s', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus', 'Europe/Atlantis', '', 'Lisbon', 'GMT+1', 'EST', 'not a zone'])(
    'does not know %j',
    (zone) => {
      expect(isKnownTimeZone(zone)).toBe(false);
    },
  );

  it('accepts every IANA zone the runtime lists', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(100);
    for (const zone of zones) expect(isKnownTimeZone(zone), zone).toBe(true);
  });

  it('property: never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(typeof isKnownTimeZone(name)).toBe('boolean');
      }),
    );
  });

  it('backs timeZoneSchema', () => {
    expect(timeZoneSchema.safeParse('Europe/Lisbon').success).toBe(true);
    expect(timeZoneSchema.safeParse('Mars/Olympus').error?.issues[0]?.message).toMatch(/IANA/);
  });
});

describe('languageSchema', () => {
  it.each(['en', 'ar', 'fil', 'pt-PT', 'es-MX'])('accepts %s', (tag) => {
    expect(languageSchema.safeParse(tag).success).toBe(true);
  });

  it.each(['EN', 'pt_PT', 'pt-pt', 'e', 'english', 'zh-Hans', ''])('rejects %j', (tag) => {
    expect(languageSchema.safeParse(tag).success).toBe(false);
  });
});

describe('citySchema', () => {
  it('accepts a configured city and trims its name', () => {
    expect(citySchema.parse({ ...lisbon, name: ' Lisbon ' })).toEqual(lisbon);
  });

  it('names the field in each error', () => {
    expect(paths({ ...lisbon, code: 'Lis' })).toEqual(['code']);
    expect(paths({ ...lisbon, name: '  ' })).toEqual(['name']);
    expect(paths({ ...lisbon, countryCode: 'PRT' })).toEqual(['countryCode']);
    expect(paths({ ...lisbon, timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(paths({ ...lisbon, currency: 'eur' })).toEqual(['currency']);
    expect(paths({ ...lisbon, languages: [] })).toEqual(['languages']);
    expect(paths({ ...lisbon, languages: ['pt-PT', 'english'] })).toEqual(['languages.1']);
  });

  it('gives messages a person can act on', () => {
    const result = citySchema.safeParse({ ...lisbon, code: 'LISB', languages: [] });
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    );
    expect(messages).toEqual({
      code: 'City code is three capital letters, e.g. LIS',
      languages: 'A city needs at least one support language',
    });
  });

  it('reports every missing field', () => {
    expect(paths({}).sort()).toEqual([
      'code',
      'countryCode',
      'currency',
      'languages',
      'name',
      'timeZone',
    ]);
  });

  it('property: every error names exactly the broken field', () => {
    const breakers: Record<keyof CityInput, unknown[]> = {
      code: ['lis', 'LI', 'LISB', 1],
      name: ['', '   ', 'x'.repeat(81)],
      countryCode: ['pt', 'P', 'PRT'],
      timeZone: ['Mars/Olympus', 'Lisbon', ''],
      currency: ['eur', 'EU', 'EURO'],
      languages: [[], ['EN'], 'en'],
    };
    const fieldArb = fc.constantFrom(...(Object.keys(breakers) as (keyof CityInput)[]));
    fc.assert(
      fc.property(
        fieldArb.chain((field) =>
          fc.tuple(fc.constant(field), fc.constantFrom(...breakers[field])),
        ),
        ([field, value]) => {
          const broken = paths({ ...lisbon, [field]: value });
          expect(broken.length).toBeGreaterThan(0);
          for (const path of broken) expect(path.split('.')[0]).toBe(field);
        },
      ),
    );
  });
});
