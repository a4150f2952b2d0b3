import type { Hono } from 'hono';
import { CHAT_HTML, CHAT_JS, WIDGET_CSS } from './widget-assets.ts';

/**
 * Only this origin's scripts, styles and connections. Framing is allowed: platforms embed the
 * widget in their own sites and apps.
 */
export const PAGE_SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** `GET /chat`: the web-chat widget page and its two assets. */
export function mountChatPages(app: Hono): void {
  app.get('/chat', (c) => {
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) c.header(name, value);
    c.header('Cache-Control', 'no-cache');
    return c.html(CHAT_HTML);
  });
  app.get('/chat/widget.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(CHAT_JS);
  });
  app.get('/chat/widget.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(WIDGET_CSS);
  });
}
