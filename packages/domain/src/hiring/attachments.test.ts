import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachmentTypeOfName,
  checkAttachment,
  MAX_ATTACHMENT_BYTES,
  safeAttachmentName,
} from './attachments.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
/** Latin-1 text as bytes (enough for the signatures and names here). */
const text = (value: string) => Uint8Array.from(value, (character) => character.charCodeAt(0));
const PDF = text('%PDF-1.7\n%âãÏÓ');
const DOCX = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00);
const DOC = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00);

describe('checkAttachment', () => {
  it.each([
    ['cv.pdf', PDF, 'application/pdf'],
    ['CV Inês.PDF', PDF, 'application/pdf'],
    ['cv.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['cv.doc', DOC, 'application/msword'],
    ['cv.txt', text('Inês Costa\r\nLisbon\tPT/EN\n'), 'text/plain; charset=utf-8'],
  ])('accepts %s', (fileName, head, contentType) => {
    const check = checkAttachment({ fileName, size: 2048, head });
    expect(check.ok && check.type.contentType).toBe(contentType);
  });

  it('refuses files over 5 MB, empty files and other types', () => {
    expect(checkAttachment({ fileName: 'cv.pdf', size: MAX_ATTACHMENT_BYTES, head: PDF }).ok).toBe(
      true,
    );
    expect(
      checkAttachment({ fileName: 'cv.pdf', size: MAX_ATTACHMENT_BYTES + 1, head: PDF }),
    ).toMatchObject({
      ok: false,
      reason: 'too_large',
      message: 'File: at most 5 MB (this one is 5.0 MB)',
    });
    expect(checkAttachment({ fileName: 'cv.pdf', size: 0, head: bytes() })).toMatchObject({
      reason: 'empty',
    });
    expect(
      checkAttachment({ fileName: 'cv.exe', size: 10, head: bytes(0x4d, 0x5a) }),
    ).toMatchObject({
      reason: 'unsupported_type',
      message: 'File: upload a PDF, Word (.doc, .docx) or plain text (.txt)',
    });
    expect(checkAttachment({ fileName: 'cv', size: 10, head: PDF })).toMatchObject({
      reason: 'unsupported_type',
    });
  });

  it('refuses a file whose contents are not what its name says', () => {
    expect(
      checkAttachment({ fileName: 'cv.pdf', size: 40, head: text('<html><script>') }),
    ).toMatchObject({
      ok: false,
      message:
        'File: the contents are not a PDF file; upload a PDF, Word (.doc, .docx) or plain text (.txt)',
    });
    expect(checkAttachment({ fileName: 'cv.docx', size: 9, head: DOC }).ok).toBe(false);
    expect(checkAttachment({ fileName: 'cv.txt', size: 9, head: bytes(0x4d, 0x5a, 0x00) }).ok).toBe(
      false,
    );
  });

  it('keeps a safe name: no folders, no quotes or control characters, at most 150 characters', () => {
    expect(safeAttachmentName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(safeAttachmentName('C:\\Users\\ines\\CV "final".pdf')).toBe('CV final.pdf');
    expect(safeAttachmentName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    const long = safeAttachmentName(`${'x'.repeat(300)}.docx`);
    expect(long).toHaveLength(150);
    expect(long.endsWith('.docx')).toBe(true);
    expect(safeAttachmentName('///')).toBe('attachment');
  });

  it('property: an accepted file keeps its type and a safe name', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('pdf', 'docx', 'doc'),
        (name, ext) => {
          const head = ext === 'pdf' ? PDF : ext === 'docx' ? DOCX : DOC;
          const check = checkAttachment({ fileName: `${name}.${ext}`, size: 100, head });
          if (!check.ok) return;
          expect([...check.fileName].some((c) => c < ' ' || '\\/"'.includes(c))).toBe(false);
          expect(check.fileName.length).toBeLessThanOrEqual(150);
          expect(attachmentTypeOfName(check.fileName)?.extension ?? ext).toBe(ext);
        },
      ),
    );
  });
});
