/**
 * Candidate files (CVs, cover letters): PDF, Word or plain text, at most 5 MB. The name's
 * extension and the file's first bytes must agree, so a renamed executable or HTML page is
 * refused however it is labelled.
 */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_TYPES = [
  { extension: 'pdf', contentType: 'application/pdf', label: 'PDF' },
  { extension: 'doc', contentType: 'application/msword', label: 'Word 97–2003' },
  {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
  },
  { extension: 'txt', contentType: 'text/plain; charset=utf-8', label: 'Plain text' },
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** For a file picker's `accept`. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.map((type) => `.${type.extension}`).join(',');

/** How many leading bytes `checkAttachment` looks at. */
export const ATTACHMENT_SNIFF_BYTES = 512;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK♥♦: a .docx is a zip
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc (compound file)

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Text a person wrote: no NUL and no control characters other than tab, line ends and form feed. */
function looksLikeText(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) {
      return false;
    }
    if (byte === 0x7f) return false;
  }
  return true;
}

export function attachmentTypeOfName(fileName: string): AttachmentType | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return ATTACHMENT_TYPES.find((type) => type.extension === extension) ?? null;
}

/** A name safe to store and to send back in Content-Disposition: no folders, no control characters. */
export function safeAttachmentName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (cleaned.length <= 150) return cleaned || 'attachment';
  const type = attachmentTypeOfName(cleaned);
  const suffix = type ? `.${type.extension}` : '';
  return `${cleaned.slice(0, 150 - suffix.length)}${suffix}`;
}

export type AttachmentCheck =
  | { ok: true; type: AttachmentType; fileName: string }
  | { ok: false; reason: 'too_large' | 'empty' | 'unsupported_type'; message: string };

type AttachmentRefusal = Extract<AttachmentCheck, { ok: false }>;

const ALLOWED_TYPES_TEXT = 'PDF, Word (.doc, .docx) or plain text (.txt)';

/** A file over the size limit, refused before its contents are read (the browser checks too). */
export function attachmentSizeRefusal(size: number): AttachmentRefusal | null {
  if (size <= MAX_ATTACHMENT_BYTES) return null;
  return {
    ok: false,
    reason: 'too_large',
    message: `File: at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB (this one is ${(size / 1024 / 1024).toFixed(1)} MB)`,
  };
}

/** A file whose name is of no type attachments may have (the browser checks too). */
export function attachmentNameRefusal(fileName: string): AttachmentRefusal | null {
  if (attachmentTypeOfName(fileName)) return null;
  return {
    ok: false,
    reason: 'unsupported_type',
    message: `File: upload a ${ALLOWED_TYPES_TEXT}`,
  };
}

/** Whether a file may be kept as a candidate attachment, judged by name, size and first bytes. */
export function checkAttachment(file: {
  fileName: string;
  size: number;
  head: Uint8Array;
}): AttachmentCheck {
  const tooLarge = attachmentSizeRefusal(file.size);
  if (tooLarge) return tooLarge;
  if (file.size === 0) return { ok: false, reason: 'empty', message: 'File: the file is empty' };
  const type = attachmentTypeOfName(file.fileName);
  if (!type) return attachmentNameRefusal(file.fileName)!;
  const head = file.head.subarray(0, ATTACHMENT_SNIFF_BYTES);
  const matches =
    type.extension === 'pdf'
      ? startsWith(head, PDF)
      : type.extension === 'docx'
        ? startsWith(head, ZIP)
        : type.extension === 'doc'
          ? startsWith(head, OLE)
          : looksLikeText(head);
  if (!matches) {
    return {
      ok: false,
      reason: 'unsupported_type',
      message: `File: the contents are not a ${type.label} file; upload a ${ALLOWED_TYPES_TEXT}`,
    };
  }
  return { ok: true, type, fileName: safeAttachmentName(file.fileName) };
}
