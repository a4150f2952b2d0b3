import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidateAttachments } from '@switchboard/db/schema';
import { createCityInboxFixture, uniqueSuffix } from '@switchboard/db/testing';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { createTestServer, type TestServer } from '../test-server.ts';
import { AttachmentStore } from './attachment-store.ts';
import { mountHiringAttachments } from './attachments.ts';

let server: TestServer;
let trainerCookie: string;
let agentCookie: string;
let candidateId: string;
/** The routes alone, on a data directory this test can look into. */
let app: Hono;
let dataDir: string;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

beforeAll(async () => {
  server = await createTestServer();
  const trainer = await server.staffSession('trainer');
  trainerCookie = trainer.cookie;
  agentCookie = (await server.staffSession('agent')).cookie;
  const caller = await server.api.callerFor(trainerCookie);
  const { team } = await createCityInboxFixture(server.api.handle.db);
  const requisition = await caller.hiring.createRequisition({
    title: `Driver support ${uniqueSuffix()}`,
    teamId: team.id,
    cityCode: null,
    languages: ['en'],
    headcount: 1,
    targetStartDate: '2026-07-01',
  });
  const suffix = uniqueSuffix().toLowerCase();
  candidateId = (
    await caller.hiring.createCandidate({
      requisitionId: requisition.id,
      name: 'Rui Santos',
      email: `rui.${suffix}@example.com`,
      languages: ['pt-PT', 'en'],
      source: 'job_board',
    })
  ).id;
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-hiring-test-'));
  app = new Hono();
  mountHiringAttachments(app, {
    db: server.api.handle.db,
    auth: server.api.auth,
    logger: createLogger('silent'),
    store: new AttachmentStore(dataDir),
  });
});
afterAll(() => server.close());

function upload(
  target: Hono,
  file: { name: string; bytes: Uint8Array; type?: string } | null,
  cookie = trainerCookie,
  id = candidateId,
) {
  const form = new FormData();
  if (file) form.set('file', new File([file.bytes], file.name, { type: file.type ?? '' }));
  return target.request(`/api/hiring/candidates/${id}/attachments`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
}

const stored = () => readdirSync(join(dataDir, 'hiring', 'attachments'));

describe('candidate attachments', () => {
  it('stores a CV on disk under the data directory and gives it back as a download', async () => {
    const response = await upload(app, { name: 'CV Rui "final".pdf', bytes: PDF });
    expect(response.status).toBe(201);
    const attachment = (await response.json()) as { id: string; fileName: string };
    expect(attachment).toMatchObject({
      fileName: 'CV Rui final.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.byteLength,
    });
    const [row] = await server.api.handle.db
      .select()
      .from(candidateAttachments)
      .where(eq(candidateAttachments.id, attachment.id));
    expect(stored()).toContain(row!.storageKey);
    expect(readFileSync(join(dataDir, 'hiring', 'attachments', row!.storageKey))).toEqual(PDF);

    const download = await app.request(`/api/hiring/attachments/${attachment.id}`, {
      headers: { cookie: trainerCookie },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''CV%20Rui%20final.pdf`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);

    // The candidate's page lists it.
    const caller = await server.api.callerFor(trainerCookie);
    const detail = await caller.hiring.candidate({ id: candidateId });
    expect(detail.attachments.map((file) => file.id)).toContain(attachment.id);

    const removed = await app.request(`/api/hiring/attachments/${attachment.id}`, {
      method: 'DELETE',
      headers: { cookie: trainerCookie },
    });
    expect(removed.status).toBe(204);
    expect(stored()).not.toContain(row!.storageKey);
    const again = await app.request(`/api/hiring/attachments/${attachment.id}`, {
      headers: { cookie: trainerCookie },
    });
    expect(again.status).toBe(404);
  });

  it('refuses files that are too big, of another type, or lying about their type', async () => {
    const before = existsSync(join(dataDir, 'hiring', 'attachments')) ? stored().length : 0;
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooBig = await upload(app, { name: 'cv.pdf', bytes: big });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: { code: 'too_large' } });

    const exe = await upload(app, { name: 'cv.exe', bytes: Buffer.from('MZ\x90\x00') });
    expect(exe.status).toBe(415);
    expect(await exe.json()).toMatchObject({
      error: { message: 'File: upload a PDF, Word (.doc, .docx) or plain text (.txt)' },
    });
    const html = await upload(app, {
      name: 'cv.pdf',
      bytes: Buffer.from('<html><script>alert(1)</script>'),
      type: 'application/pdf',
    });
    expect(html.status).toBe(415);
    const empty = await upload(app, { name: 'cv.txt', bytes: new Uint8Array() });
    expect(empty.status).toBe(400);
    const missing = await upload(app, null);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: { fieldErrors: [{ path: 'file', message: 'File: choose a file to upload' }] },
    });
    const nowhere = await upload(
      app,
      { name: 'cv.pdf', bytes: PDF },
      trainerCookie,
      crypto.randomUUID(),
    );
    expect(nowhere.status).toBe(404);
    const after = existsSync(join(dataDir, 'hiring', 'attachments')) ? stored().length : 0;
    expect(after).toBe(before);
  });

  it('takes plain text and Word documents', async () => {
    const text = await upload(app, {
      name: 'cover letter.txt',
      bytes: Buffer.from('Olá!\nI drive and I care.\n'),
    });
    expect(text.status).toBe(201);
    const docx = await upload(app, {
      name: 'cv.docx',
      bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    });
    expect(docx.status).toBe(201);
    expect(await docx.json()).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('is for trainers, leads and admins only', async () => {
    expect((await upload(app, { name: 'cv.pdf', bytes: PDF }, '')).status).toBe(401);
    expect((await upload(app, { name: 'cv.pdf', bytes: PDF }, agentCookie)).status).toBe(403);
    const uploaded = (await (await upload(app, { name: 'cv.pdf', bytes: PDF })).json()) as {
      id: string;
    };
    const asAgent = await app.request(`/api/hiring/attachments/${uploaded.id}`, {
      headers: { cookie: agentCookie },
    });
    expect(asAgent.status).toBe(403);
    const deleteAsAgent = await app.request(`/api/hiring/attachments/${uploaded.id}`, {
      method: 'DELETE',
      headers: { cookie: agentCookie },
    });
    expect(deleteAsAgent.status).toBe(403);
    const lead = await server.staffSession('lead');
    const asLead = await app.request(`/api/hiring/attachments/${uploaded.id}`, {
      headers: { cookie: lead.cookie },
    });
    expect(asLead.status).toBe(200);
  });

  it('is mounted on the server', async () => {
    const response = await upload(server.app, { name: 'cv.pdf', bytes: PDF });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const download = await server.app.request(`/api/hiring/attachments/${id}`, {
      headers: { cookie: trainerCookie },
    });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
  });
});
