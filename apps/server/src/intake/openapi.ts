import { inboundMessageSchema, MAX_MESSAGE_LENGTH, REOPEN_WINDOW_MS } from '@switchboard/domain';
import { z } from 'zod';
import { MAX_JSON_BODY_BYTES } from './json-errors.ts';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

/** What each request field means, added to the schema zod derives from the domain. */
const FIELD_DESCRIPTIONS: Record<string, string> = {
  channel: 'The channel the message came in on.',
  audience: 'Who wrote: a guest (rider, traveller) or a driver/partner.',
  externalMessageId:
    "The sending system's id of this message. Sending the same (channel, externalMessageId) again stores nothing and answers 200 with the same conversation, so retries are safe.",
  contact:
    'Who wrote. Contacts are matched on (audience, externalId); the other fields, when given, update the contact.',
  'contact.externalId': "The person's id in your platform (rider or driver app).",
  'contact.name': 'Their name as they should be addressed.',
  'contact.phone': 'International phone number.',
  'contact.email': 'Email address.',
  'contact.locale': 'Preferred language, e.g. en, pt-PT, es-MX; the conversation uses it.',
  'contact.city':
    'Three-letter city code (e.g. LIS). Routes a new conversation to that city’s inbox; unknown codes are ignored.',
  'contact.vip': 'A VIP in your platform; routing rules can put VIPs first.',
  'contact.joinedAt':
    'When they joined your platform; drivers in their first 30 days count as new drivers for routing.',
  text: `The message, 1–${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters after trimming.`,
  bookingReference: 'Reference of the booking the message is about; linked when it exists.',
};

function describeFields(schema: JsonSchema, prefix = ''): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => {
      const path = prefix ? `${prefix}.${name}` : name;
      const described = property.properties ? describeFields(property, path) : property;
      const description = FIELD_DESCRIPTIONS[path];
      return [name, description ? { ...described, description } : described];
    }),
  );
  return { ...schema, properties };
}

/** The request body schema, generated from the domain's zod schema (what the server enforces). */
export function inboundMessageJsonSchema(): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(inboundMessageSchema, {
    io: 'input',
  }) as JsonSchema;
  return describeFields(schema);
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          description: 'Stable machine-readable code, e.g. invalid_input, unauthorized.',
        },
        message: { type: 'string', description: 'A sentence for people, naming bad fields.' },
        fieldErrors: {
          type: 'array',
          description: 'For invalid_input: each field that failed (dotted path) and why.',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

const resultSchema = {
  type: 'object',
  required: ['conversationId', 'messageId', 'duplicate', 'outcome'],
  properties: {
    conversationId: { type: 'string', format: 'uuid' },
    messageId: { type: 'string', format: 'uuid' },
    duplicate: {
      type: 'boolean',
      description: 'True when this message had been received before; nothing was stored.',
    },
    outcome: {
      type: 'string',
      enum: ['new', 'appended', 'reopened'],
      description:
        'What the message did when first received: started a new conversation, was added to an active one, or reopened one resolved within the last 7 days.',
    },
  },
} as const;

const example = {
  channel: 'whatsapp',
  audience: 'guest',
  externalMessageId: 'wamid.HBgLMzUxOTEyMzQ1Njc4FQIAEhgg',
  contact: {
    externalId: 'rider-48213',
    name: 'Marta Costa',
    phone: '+351 912 345 678',
    locale: 'pt-PT',
    city: 'LIS',
  },
  text: 'My driver is not at the meeting point at Terminal 1.',
  bookingReference: 'LIS-240312-0042',
};

function errorResponse(description: string) {
  return {
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}

/** OpenAPI 3.1 description of the inbound API, served at /api/v1/openapi.json. */
export function openApiDocument(publicUrl: string) {
  const reopenDays = REOPEN_WINDOW_MS / 86_400_000;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard inbound API',
      version: '1.0.0',
      description: `Deliver customer and driver messages from your own channels into Switchboard. Each message is filed into the contact's active conversation on that channel, reopens one resolved within ${reopenDays} days, or starts a new conversation routed to the inbox of its audience and city.`,
    },
    servers: [{ url: publicUrl }],
    security: [{ apiKey: [] }],
    paths: {
      '/api/v1/messages': {
        post: {
          operationId: 'receiveMessage',
          summary: 'Deliver an inbound message',
          description:
            'Idempotent on (channel, externalMessageId): retry freely after a timeout or a 5xx. A 2xx means the message is stored.',
          requestBody: {
            required: true,
            description: `JSON, at most ${MAX_JSON_BODY_BYTES / 1024} kB.`,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/InboundMessage' },
                examples: { whatsapp: { summary: 'A rider on WhatsApp', value: example } },
              },
            },
          },
          responses: {
            '201': {
              description: 'Stored: the message is in the conversation.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/IntakeResult' } },
              },
            },
            '200': {
              description: 'Received before: nothing stored, the same conversation answered.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/IntakeResult' } },
              },
            },
            '400': errorResponse('Invalid JSON, or fields that failed validation (named).'),
            '401': errorResponse('No API key, or one that is unknown or revoked.'),
            '413': errorResponse(`The body is larger than ${MAX_JSON_BODY_BYTES / 1024} kB.`),
            '415': errorResponse('The body is not application/json.'),
            '503': errorResponse('No inbox can take the message yet; retry later.'),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key an admin creates in the console under API keys: `Authorization: Bearer sb_live_…`.',
        },
      },
      schemas: {
        InboundMessage: inboundMessageJsonSchema(),
        IntakeResult: resultSchema,
        Error: errorSchema,
      },
    },
  };
}
