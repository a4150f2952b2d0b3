import { z } from 'zod';

export const tagCodeSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{1,47}$/,
    'Tags are lower-case words joined by - or _, e.g. airport-pickup',
  );
