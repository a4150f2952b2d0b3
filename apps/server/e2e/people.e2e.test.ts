import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  type RunningServer,
  sessionCookieOf,
  signInPage,
  startSeededServer,
  trpcMutation,
  trpcQuery,
} from './harness.ts';

const screenshots = new URL('../../../tmp/e2e/', import.meta.url).pathname;

const LEAD = 'lead@switchboard.test';
const TRAINER = 'trainer@switchboard.test';
/** Reads the conversations: a lead sees only their own teams' inboxes, an admin every one. */
const ADMIN = 'admin@switchboard.test';
const REFUND_TYPE = 'CANCELLATION_REFUND';
const CERTIFICATION = 'GUEST_REFUNDS';
const CURRICULUM = 'Guest refunds certification check';
/** The word the test's routing rule listens for: no seeded rule or conversation uses it. */
const KEYWORD = 'flamingo';
const TEAM_CODE = 'REFUNDS_ACADEMY';
const INBOX_CODE = 'LIS_REFUNDS_ACADEMY';
const TRAINEE = { name: 'Rita Campos', email: 'rita.campos@example.test' };
const TRAINEE_PASSWORD = 'rita-refunds-2024';

interface RequestTypeNode {
  code: string;
  name: string;
  defaultPriority: string;
  description: string;
  requiredCertification: { code: string } | null;
  macros: { id: string }[];
}

interface ConversationDetail {
  conversation: {
    id: string;
    assigneeId: string | null;
    assignmentReason: string | null;
    requestTypeCode: string | null;
    inboxId: string;
  };
}

/**
 * The people journey of issue 7: a trainer hires a candidate in the console; the trainee
 * sets a password from the invitation link, signs in and goes online, yet a refund chat is
 * not routed to them; they acknowledge the refund playbook and pass the quiz, are certified
 * for guest refunds, and refund chats now reach them.
 *
 * The refund request type requires the certification, and a rule sends chats with a
 * distinctive word to an inbox of a team of the test's own, whose only member is the
 * trainee: nobody else can take them, so who gets them depends on the certification alone.
 */
describe.runIf(browserAvailable())('a trainee certified for refunds', () => {
  let server: RunningServer;
  let browser: Browser;
  let leadCookie: string;
  let trainerCookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startSeededServer();
    browser = await launchBrowser();
    leadCookie = await sessionCookieOf(server, LEAD);
    trainerCookie = await sessionCookieOf(server, TRAINER);
    adminCookie = await sessionCookieOf(server, ADMIN);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const query = <T>(cookie: string, path: string, input: unknown) =>
    trpcQuery<T>(server, cookie, path, input);
  const mutate = <T>(cookie: string, path: string, input: unknown) =>
    trpcMutation<T>(server, cookie, path, input);

  /** The conversation the guest's chat window is in, once the server has it. */
  async function conversationOf(page: Page): Promise<string> {
    let id: string | null = null;
    await expect
      .poll(
        async () => {
          const stored = await page.evaluate<string | null>(
            "localStorage.getItem('switchboard.chat.v1')",
          );
          const token = (JSON.parse(stored ?? '{}') as { token?: string }).token;
          if (!token) return null;
          const response = await fetch(`${server.baseUrl}/chat/api/history`, {
            headers: { 'x-chat-token': token },
          });
          const body = (await response.json()) as { conversation: { id: string } | null };
          id = body.conversation?.id ?? null;
          return id;
        },
        { timeout: 15_000 },
      )
      .toBeTruthy();
    return id!;
  }

  /** A guest in Lisbon writes `text` in the web chat; returns the conversation's id. */
  async function guestWrites(guestName: string, text: string): Promise<string> {
    const context = await browser.newContext({ locale: 'en-US' });
    const guest = await context.newPage();
    await guest.goto(`${server.baseUrl}/chat?audience=guest&city=LIS`);
    const talk = guest.getByRole('button', { name: /talk to a person/i });
    if (await talk.isVisible().catch(() => false)) await talk.click();
    await guest.getByLabel('Your name').fill(guestName);
    await guest.getByRole('button', { name: 'Start chat' }).click();
    await guest.getByLabel('Message').fill(text);
    await guest.getByRole('button', { name: 'Send' }).click();
    await guest.getByText(text).first().waitFor();
    const id = await conversationOf(guest);
    await context.close();
    return id;
  }

  const detailOf = (conversationId: string) =>
    query<ConversationDetail>(adminCookie, 'conversations.byId', { conversationId });

  it('hires, trains and certifies a trainee, and refund chats are then routed to them', async () => {
    // --- Arrange, over the API as a lead and the trainer -------------------------------------
    // The refund request type requires the guest refunds certification.
    const tree = await query<{ requestTypes: RequestTypeNode[] }[]>(
      leadCookie,
      'taxonomy.tree',
      undefined,
    );
    const refundType = tree
      .flatMap((category) => category.requestTypes)
      .find((type) => type.code === REFUND_TYPE);
    expect(refundType, `${REFUND_TYPE} in the taxonomy`).toBeDefined();
    await mutate(leadCookie, 'taxonomy.updateRequestTypeLinks', {
      code: REFUND_TYPE,
      defaultPriority: refundType!.defaultPriority,
      requiredCertificationCode: CERTIFICATION,
      macroIds: refundType!.macros.map((macro) => macro.id),
      description: refundType!.description,
      rolloutNote: 'Refunds need the guest refunds certification',
    });

    // A team of the test's own with a Lisbon guest chat inbox that assigns by round robin.
    const team = await mutate<{ id: string }>(leadCookie, 'people.createTeam', {
      code: TEAM_CODE,
      name: 'Refunds academy',
      kind: 'support_l1',
      description: 'New hires taking guest refunds once certified.',
    });
    const inbox = await mutate<{ id: string }>(leadCookie, 'routing.createInbox', {
      code: INBOX_CODE,
      audience: 'guest',
      cityCode: 'LIS',
      name: 'Lisbon refunds academy',
      teamId: team.id,
      channels: ['chat'],
      assignmentPolicy: { mode: 'round_robin', requireLanguage: true },
    });
    // First in the rule list, so no seeded rule sees these chats before it.
    await mutate(leadCookie, 'routing.createRule', {
      name: 'Flamingo refunds go to the academy',
      conditions: [{ field: 'text', op: 'contains_any', values: [KEYWORD] }],
      actions: { requestTypeCode: REFUND_TYPE, inboxCode: INBOX_CODE, onMatch: 'stop' },
      position: 1,
    });

    // The team's training plan is the refunds check, and the trainer has a candidate at Offer.
    const curricula = await query<{ id: string; name: string }[]>(
      trainerCookie,
      'training.curricula',
      { search: CURRICULUM },
    );
    const curriculum = curricula.find((row) => row.name === CURRICULUM);
    expect(curriculum, CURRICULUM).toBeDefined();
    await mutate(trainerCookie, 'training.setTeamPlan', {
      teamId: team.id,
      curriculumIds: [curriculum!.id],
    });
    const requisition = await mutate<{ id: string }>(trainerCookie, 'hiring.createRequisition', {
      title: 'Guest refunds agent (Lisbon)',
      teamId: team.id,
      cityCode: 'LIS',
      languages: ['en', 'pt-PT'],
      headcount: 1,
      targetStartDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    });
    const candidate = await mutate<{ id: string }>(trainerCookie, 'hiring.createCandidate', {
      requisitionId: requisition.id,
      name: TRAINEE.name,
      email: TRAINEE.email,
      languages: ['en', 'pt-PT'],
      source: 'referral',
    });
    const options = await query<{ stages: { id: string; name: string }[] }>(
      trainerCookie,
      'hiring.options',
      undefined,
    );
    const offer = options.stages.find((stage) => stage.name === 'Offer');
    expect(offer, 'the Offer stage').toBeDefined();
    await mutate(trainerCookie, 'hiring.moveCandidate', {
      candidateId: candidate.id,
      toStageId: offer!.id,
    });

    // --- The trainer hires the candidate in the console --------------------------------------
    const trainer = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signInPage(trainer, server, 'console', TRAINER);
    await trainer.goto(`${server.baseUrl}/console/hiring/candidates/${candidate.id}`);
    await trainer.getByRole('button', { name: 'Hire', exact: true }).click();
    let dialog = trainer.getByRole('dialog', { name: `Hire ${TRAINEE.name}` });
    await dialog.getByText(/places hired so far/).waitFor();
    await dialog.getByRole('button', { name: 'Confirm hire' }).click();
    dialog = trainer.getByRole('dialog', { name: `${TRAINEE.name} is hired` });
    await dialog.getByText('Invitation link').waitFor();
    await dialog.getByText(`Enrolled in ${CURRICULUM}.`).waitFor();
    const link = (
      await dialog.getByText(`${server.baseUrl}/workspace/invite/`).textContent()
    )?.trim();
    expect(link).toMatch(/\/workspace\/invite\/[A-Za-z0-9_-]{20,}$/);
    await trainer.screenshot({ path: `${screenshots}people-hired.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // --- The trainee sets a password, signs in and goes online -------------------------------
    const trainee = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await trainee.goto(link!);
    await trainee.getByText(`Welcome, ${TRAINEE.name}`).waitFor();
    await trainee.getByLabel('Password', { exact: true }).fill(TRAINEE_PASSWORD);
    await trainee.getByLabel('Confirm password').fill(TRAINEE_PASSWORD);
    await trainee.screenshot({ path: `${screenshots}people-invitation.png`, fullPage: true });
    await trainee.getByRole('button', { name: 'Set password' }).click();
    await trainee.getByText('Your password is set').waitFor();
    await trainee.getByRole('link', { name: 'Sign in' }).click();
    await trainee.waitForURL(/\/workspace\/sign-in/);
    await trainee.getByLabel('Email', { exact: true }).fill(TRAINEE.email);
    await trainee.getByLabel('Password', { exact: true }).fill(TRAINEE_PASSWORD);
    await trainee.getByRole('button', { name: 'Sign in' }).click();
    await trainee.waitForURL(/\/workspace\/(?!sign-in)/);

    const me = await trainee.evaluate(async () => {
      const response = await fetch('/trpc/people.me');
      return ((await response.json()) as { result: { data: { json: { id: string } } } }).result.data
        .json;
    });
    const traineeId = me.id;
    expect(traineeId).toBeTruthy();

    // At 1280 pixels the header's links scroll; its availability control stays on screen.
    await trainee.screenshot({ path: `${screenshots}people-signed-in.png` });
    const availability = trainee.locator('input').and(trainee.getByLabel('My availability'));
    await availability.click();
    await trainee.getByRole('option', { name: /Online/ }).click();
    await expect.poll(() => availability.inputValue()).toMatch(/Online/);
    // Online as far as routing is concerned: the inbox's settings list the trainee so.
    await expect
      .poll(async () => {
        const settings = await query<{ members: { id: string; availability: string }[] }>(
          leadCookie,
          'routing.inbox',
          { id: inbox.id },
        );
        return settings.members.find((member) => member.id === traineeId)?.availability;
      })
      .toBe('online');

    // --- Not certified yet: a refund chat is not theirs --------------------------------------
    const firstGuest = 'Flamingo Guest One';
    const waiting = await guestWrites(
      firstGuest,
      `Hello, my ${KEYWORD} ride was cancelled by the driver. Can I get a refund please?`,
    );
    let detail = await detailOf(waiting);
    expect(detail.conversation.inboxId).toBe(inbox.id);
    expect(detail.conversation.requestTypeCode).toBe(REFUND_TYPE);
    expect(detail.conversation.assigneeId).not.toBe(traineeId);
    expect(detail.conversation.assigneeId).toBeNull();
    expect(detail.conversation.assignmentReason).toContain(CERTIFICATION);
    // Still not theirs after the assignment job has offered the queue again.
    await trainee.waitForTimeout(6_000);
    detail = await detailOf(waiting);
    expect(detail.conversation.assigneeId).toBeNull();
    // Their inbox shows it waiting, unassigned; their own view is empty.
    await trainee.goto(`${server.baseUrl}/workspace/inbox?view=mine&sort=newest`);
    await trainee.getByText('Nothing here').waitFor();
    await trainee.getByText('Lisbon refunds academy').waitFor();
    await trainee.getByText('1 unassigned').waitFor();
    expect(await trainee.getByRole('button', { name: new RegExp(firstGuest) }).count()).toBe(0);
    await trainee.screenshot({ path: `${screenshots}people-not-routed.png`, fullPage: true });

    // --- My training: the playbook, then the quiz ----------------------------------------------
    await trainee.getByRole('link', { name: 'My training' }).first().click();
    const card = trainee.getByRole('region', { name: CURRICULUM });
    await card.getByText(`Certifies you for Guest refunds`).waitFor();
    await trainee.screenshot({ path: `${screenshots}people-my-training.png`, fullPage: true });
    await card.getByRole('link', { name: 'Refund playbook refresher' }).click();
    await trainee.getByRole('heading', { name: 'Refund playbook refresher' }).waitFor();
    await trainee.getByRole('button', { name: 'Acknowledge' }).click();
    await trainee.getByText(/You acknowledged v\d+\./).waitFor();
    await trainee.screenshot({ path: `${screenshots}people-sop-read.png`, fullPage: true });

    await trainee.getByRole('link', { name: 'My training' }).first().click();
    await card.getByRole('link', { name: 'Refunds certification quiz' }).click();
    const quiz = trainee.getByRole('region', { name: 'Quiz' });
    const question = (prompt: string) => quiz.getByRole('group', { name: prompt });
    await question('Who decides whether a refund is allowed?')
      .getByLabel('The guardrail decision in the refund action')
      .check();
    const checks = question('Before issuing a refund, what do you check?');
    await checks.getByLabel('The cancellation time against the free-cancellation window').check();
    await checks.getByLabel('Earlier refunds on the booking').check();
    await question('Can you refund more than the guest paid?')
      .getByLabel('No: never more than was paid, minus earlier refunds')
      .check();
    await quiz.getByRole('button', { name: 'Submit answers' }).click();
    await quiz.getByText('Passed — 100%').waitFor();
    await trainee.screenshot({ path: `${screenshots}people-quiz-passed.png`, fullPage: true });

    // --- Certified ------------------------------------------------------------------------------
    await trainee.getByRole('link', { name: 'My training' }).first().click();
    await trainee.getByRole('link', { name: 'My certifications' }).click();
    const certificate = trainee.locator('[aria-label="Guest refunds"]');
    await certificate.getByText(`Completed ${CURRICULUM}`, { exact: false }).waitFor();
    await certificate.getByText(new RegExp(`Lets you handle: .*${refundType!.name}`)).waitFor();
    await trainee.screenshot({ path: `${screenshots}people-certified.png`, fullPage: true });

    // --- Refund chats now reach them ----------------------------------------------------------
    // The one that waited is handed to them by the queue job (every 5 s) ...
    await expect
      .poll(async () => (await detailOf(waiting)).conversation.assigneeId, { timeout: 30_000 })
      .toBe(traineeId);
    // ... and a new one is assigned to them as it arrives.
    const secondGuest = 'Flamingo Guest Two';
    const routed = await guestWrites(
      secondGuest,
      `Hi, I cancelled my ${KEYWORD} airport transfer in time: please refund me.`,
    );
    detail = await detailOf(routed);
    expect(detail.conversation.inboxId).toBe(inbox.id);
    expect(detail.conversation.requestTypeCode).toBe(REFUND_TYPE);
    expect(detail.conversation.assigneeId, detail.conversation.assignmentReason ?? '').toBe(
      traineeId,
    );

    await trainee.goto(`${server.baseUrl}/workspace/inbox?view=mine&sort=newest`);
    await trainee
      .getByRole('button', { name: new RegExp(secondGuest) })
      .waitFor({ timeout: 15_000 });
    await trainee.getByRole('button', { name: new RegExp(firstGuest) }).waitFor();
    await trainee.screenshot({ path: `${screenshots}people-routed.png`, fullPage: true });
  }, 240_000);
});
