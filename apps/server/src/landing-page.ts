/** The page at `/`: where a person picks the workspace or the console. */
export function landingPage(apps: { workspace: boolean; console: boolean }): string {
  const link = (href: string, title: string, text: string, built: boolean) =>
    built
      ? `<a class="card" href="${href}"><strong>${title}</strong><span>${text}</span></a>`
      : `<div class="card missing"><strong>${title}</strong><span>Not built yet — run <code>pnpm build</code>.</span></div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchboard</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f5f6fa; color: #1a1b25; }
  main { max-width: 640px; padding: 32px; }
  h1 { margin: 0 0 8px; } p { color: #555; }
  .cards { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 24px; }
  .card { display: flex; flex-direction: column; gap: 6px; padding: 20px; border-radius: 12px; background: #fff; border: 1px solid #dde; text-decoration: none; color: inherit; }
  .card:hover { border-color: #4c6ef5; }
  .card span { color: #666; font-size: 14px; }
  .missing { opacity: .6; }
</style>
</head>
<body><main>
  <h1>Switchboard</h1>
  <p>Support operations for ride-hailing, airport transfers and delivery: the agent inbox, guardrails, escalations and the console that shapes them.</p>
  <div class="cards">
    ${link('/workspace/', 'Workspace', 'The agent inbox: conversations, contacts, bookings.', apps.workspace)}
    ${link('/console/', 'Console', 'Inboxes, people, rules and reports for leads, trainers and admins.', apps.console)}
  </div>
</main></body>
</html>`;
}
