import {
  definitionsUsed,
  driverChange,
  headlineRows,
  readableDuration,
  type SnapshotDriver,
  type StoredSnapshot,
  snapshotTitle,
} from '@switchboard/domain';
import PDFDocument from 'pdfkit';

const MARGIN = 48;
const INK = '#1f2933';
const MUTED = '#616e7c';

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string) {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text, MARGIN);
  doc.moveDown(0.3);
}

/** A simple table: the first column takes what the others leave, rows break across pages. */
function table(doc: Doc, header: string[], rows: string[][], firstWidth = 200) {
  const width = doc.page.width - 2 * MARGIN;
  const rest = header.length > 1 ? (width - firstWidth) / (header.length - 1) : 0;
  const xs = header.map((_, index) =>
    index === 0 ? MARGIN : MARGIN + firstWidth + (index - 1) * rest,
  );
  const widths = header.map((_, index) => (index === 0 ? firstWidth : rest) - 6);
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - MARGIN - 24) doc.addPage();
    const y = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor(bold ? MUTED : INK);
    const heights = cells.map((cell, index) =>
      doc.heightOfString(cell, { width: widths[index] ?? 100 }),
    );
    cells.forEach((cell, index) => {
      doc.text(cell, xs[index], y, { width: widths[index], align: index === 0 ? 'left' : 'right' });
    });
    doc.y = y + Math.max(...heights) + 4;
  };
  line(header, true);
  if (rows.length === 0) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(9)
      .fillColor(MUTED)
      .text('Nothing in this period.', MARGIN);
    return;
  }
  for (const row of rows) line(row, false);
}

/** The change against the period before; the PDF's standard fonts have no minus sign or dash. */
const change = (driver: SnapshotDriver) =>
  driverChange(driver).label.replace('−', '-').replace('—', '-');

/** The snapshot as a PDF a lead can attach to a weekly or monthly review. */
export function snapshotPdf(snapshot: StoredSnapshot): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: snapshotTitle(snapshot) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { content } = snapshot;

  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(snapshotTitle(snapshot));
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `Switchboard · frozen ${snapshot.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · days in ${snapshot.timeZone}`,
    );

  heading(doc, 'Recommended actions');
  if (content.recommendations.length === 0) {
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(INK)
      .text('Nothing crossed a threshold this period.');
  }
  for (const item of content.recommendations) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(item.title, MARGIN);
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(item.because, MARGIN + 10);
    doc.moveDown(0.3);
  }

  heading(doc, 'Headline figures');
  table(
    doc,
    ['KPI', 'Guests', 'Drivers', 'All', 'All, before'],
    headlineRows(content).map((row) => [
      row.label,
      row.guest,
      row.driver,
      row.all,
      row.previousAll,
    ]),
  );

  for (const audience of ['guest', 'driver'] as const) {
    const name = audience === 'guest' ? 'guests' : 'drivers';
    heading(doc, `Top request types and root causes: ${name}`);
    table(
      doc,
      ['Request type', 'Count', 'Before', 'Change'],
      content.drivers.requestTypes[audience].map((d) => [
        d.name,
        String(d.count),
        String(d.previous),
        change(d),
      ]),
    );
    doc.moveDown(0.4);
    table(
      doc,
      ['Root cause', 'Resolved', 'Before', 'Change'],
      content.drivers.rootCauses[audience].map((d) => [
        d.name,
        String(d.count),
        String(d.previous),
        change(d),
      ]),
    );
  }

  heading(doc, 'Escalation turnaround');
  table(
    doc,
    ['Team', 'Ack p90', 'Resolve p90', 'Breached', 'Returned'],
    content.turnaround.map((t) => [
      t.team,
      readableDuration(t.acknowledgeP90Minutes === null ? null : t.acknowledgeP90Minutes * 60),
      readableDuration(t.resolveP90Minutes === null ? null : t.resolveP90Minutes * 60),
      String(t.breached),
      String(t.returned),
    ]),
  );

  heading(doc, 'Staffing gaps');
  table(
    doc,
    ['Inbox', 'Short (h)', 'Required (h)', 'Scheduled (h)', 'Worst hour'],
    content.staffingGaps.map((g) => [
      g.inboxName,
      String(g.shortAgentHours),
      String(Math.round(g.requiredAgentHours)),
      String(Math.round(g.scheduledAgentHours)),
      g.worstInterval ? `${g.worstInterval} (-${g.worstGap})` : '-',
    ]),
  );

  heading(doc, 'Definitions used');
  for (const used of definitionsUsed(snapshot.definitions)) {
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor(INK)
      .text(`${used.label} (v${used.storedVersion})`, MARGIN);
    if (!used.changed && used.formula) {
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor(MUTED)
        .text(used.formula, MARGIN + 10);
    }
  }
  doc.end();
  return done;
}
