/**
 * Live updates for the workspace.
 *
 * `GET /events` — Server-Sent Events for the signed-in staff member (session cookie; 401 JSON
 * without one). Open it with `new EventSource('/events', { withCredentials: true })`.
 *
 *   retry: 3000                       first, so EventSource reconnects after 3 s
 *   : heartbeat                       a comment every 15 s; ignore it
 *
 *   event: conversation               something changed on a conversation
 *   data: {"kind":"conversation","conversationId":"…","inboxId":"…","assigneeId":"…"|null,
 *          "contactId":"…","eventType":"message_received","mentionedUserIds":["…"]?,
 *          "at":"2026-03-02T10:00:00.000Z"}
 *
 *   event: presence                   a colleague is viewing, typing in, or left a conversation
 *   data: {"kind":"presence","conversationId":"…","inboxId":"…","userId":"…",
 *          "userName":"Ana Silva","state":"viewing"|"typing"|"left","at":"…"}
 *
 * `data` is the LiveNotice (domain) as JSON, one line. `eventType` is a domain
 * ConversationEventType: `created` for a new conversation, `message_received` for an inbound
 * message (new, appended or reopening), and whatever the action appended otherwise.
 * A viewer hears only conversations they may see (canViewConversation: admins and trainers
 * every inbox; agents and leads their teams' inboxes and conversations assigned to them),
 * plus conversation notices that mention them. Presence is sent to the sender as well:
 * filter your own `userId`.
 *
 * Notices are hints, not state: refetch what you show when one arrives, and refetch
 * everything on every `open` (notices sent while disconnected are not replayed). The server
 * closes a stream whose client stops reading, and every stream of a process whose LISTEN had
 * to be re-established (notices may have been missed); EventSource then reconnects.
 *
 * `live.presence({ conversationId, state })` (tRPC mutation, any workspace role) announces the
 * caller's presence on a conversation they may see. Nothing is stored: send `viewing` on open
 * and every ~10 s while open, `typing` at most every ~3 s while typing, `left` on close;
 * treat a colleague as gone when nothing came from them for ~25 s.
 *
 * One LISTEN on the PostgreSQL channel `switchboard_live` per server process (LiveHub)
 * feeds every stream of that process; changes are announced inside the transaction that
 * made them, so a notice is only ever heard for a committed change.
 */
export { LiveHub, type LiveSubscriber, type NoticeLookups } from './hub.ts';
export { SseConnection, sseResponse } from './sse.ts';
export { type StaffEventsOptions, staffEventsHandler } from './staff-events.ts';
