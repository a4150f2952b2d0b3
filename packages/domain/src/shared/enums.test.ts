import { describe, expect, it } from 'vitest';
import { AUDIENCES, audienceSchema, CHANNELS, channelSchema } from './enums.ts';

describe('audiences and channels', () => {
  it('has the two audiences of the domain', () => {
    expect(AUDIENCES).toEqual(['guest', 'driver']);
    expect(audienceSchema.safeParse('rider').success).toBe(false);
  });

  it('has the four channels of the domain', () => {
    expect(CHANNELS).toEqual(['chat', 'whatsapp', 'email', 'voice']);
    expect(channelSchema.safeParse('sms').success).toBe(false);
  });
});
