import type { Database } from '@switchboard/db/client';
import { CsatError, findCsatSurvey, recordCsat } from '@switchboard/db/queries/csat';
import { csatResponseSchema } from '@switchboard/domain';
import type { Context, Hono } from 'hono';
import { invalidInput, jsonBodyLimit, jsonError, readJson } from '../intake/json-errors.ts';
import { csatErrorResponse } from './csat-errors.ts';
import { PAGE_SECURITY_HEADERS } from './pages.ts';
import { SURVEY_JS, surveyHtml } from './widget-assets.ts';

/** Survey tokens are long random strings; anything else is not worth a query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,200}$/;

/**
 * The satisfaction survey behind the link sent when a conversation resolves on a channel
 * other than web chat: `GET /survey/<token>` shows it, `POST /survey/<token>` answers it (JSON
 * `{ rating: 1–5, comment? }`), once.
 */
export function mountSurvey(app: Hono, { db }: { db: Database }): void {
  app.get('/survey/survey.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(SURVEY_JS);
  });

  app.get('/survey/:token', async (c) => {
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) c.header(name, value);
    c.header('Cache-Control', 'no-store');
    const token = c.req.param('token');
    const survey = TOKEN_SHAPE.test(token) ? await findCsatSurvey(db, token) : null;
    if (!survey) return c.html(surveyHtml({ kind: 'invalid' }), 404);
    const { number, csat } = survey;
    if (csat.state === 'rated') {
      return c.html(surveyHtml({ kind: 'rated', number, rating: csat.rating }));
    }
    if (csat.state === 'none') return c.html(surveyHtml({ kind: 'reopened', number }));
    return c.html(surveyHtml({ kind: 'ask', token, number }));
  });

  app.post('/survey/:token', jsonBodyLimit, async (c: Context) => {
    const token = c.req.param('token') ?? '';
    if (!TOKEN_SHAPE.test(token)) {
      return jsonError(c, 404, 'not_found', 'This survey link is not valid.');
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = csatResponseSchema.safeParse(body.value);
    if (!parsed.success) return invalidInput(c, parsed.error);
    try {
      const { rating, comment } = parsed.data;
      return c.json(await recordCsat(db, { token }, { rating, ...(comment ? { comment } : {}) }));
    } catch (error) {
      if (error instanceof CsatError) return csatErrorResponse(c, error);
      throw error;
    }
  });
}
