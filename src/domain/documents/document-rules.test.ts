import { describe, expect, it } from 'vitest';
import {
  ALLOWED_DOCUMENT_TYPES,
  type AllowedDocumentType,
  allowedDocumentType,
  attachmentDisposition,
  contentMatchesType,
  sanitiseFilename,
} from './document-rules.ts';

const type = (contentType: string): AllowedDocumentType => {
  const found = allowedDocumentType(contentType);
  if (!found) throw new Error(`not allowed: ${contentType}`);
  return found;
};
const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Array.from(text, (c) => c.charCodeAt(0)));

const PDF = ascii('%PDF-1.7\n%âãÏÓ\n');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 20, 0);

describe('the content-type allow-list', () => {
  it('allows PDF, PNG, JPEG, plain text, .docx, .odt and .eml', () => {
    expect(ALLOWED_DOCUMENT_TYPES.map((t) => t.contentType)).toEqual([
      'application/pdf',
      'image/png',
      'image/jpeg',
      'text/plain',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.oasis.opendocument.text',
      'message/rfc822',
    ]);
  });

  it('ignores case and parameters, and knows the common JPEG alias', () => {
    expect(allowedDocumentType('Application/PDF')?.contentType).toBe('application/pdf');
    expect(allowedDocumentType('text/plain; charset=utf-8')?.contentType).toBe('text/plain');
    expect(allowedDocumentType('image/jpg')?.contentType).toBe('image/jpeg');
  });

  it('refuses everything else', () => {
    for (const t of [
      'text/html',
      'image/svg+xml',
      'application/octet-stream',
      'application/x-msdownload',
      'application/msword',
      'application/zip',
      '',
      'pdf',
    ]) {
      expect(allowedDocumentType(t), t).toBeUndefined();
    }
  });
});

describe('magic bytes', () => {
  it('accepts files whose first bytes match the declared type', () => {
    expect(contentMatchesType(type('application/pdf'), PDF)).toBe(true);
    expect(contentMatchesType(type('image/png'), PNG)).toBe(true);
    expect(contentMatchesType(type('image/jpeg'), JPEG)).toBe(true);
    expect(contentMatchesType(type('application/vnd.oasis.opendocument.text'), ZIP)).toBe(true);
    expect(contentMatchesType(type('text/plain'), ascii('Letter from the council, 3 March'))).toBe(true);
    expect(contentMatchesType(type('message/rfc822'), ascii('From: a@example.org\r\n'))).toBe(true);
  });

  it('refuses a file whose bytes are not what its type says', () => {
    expect(contentMatchesType(type('application/pdf'), ascii('<html><script>'))).toBe(false);
    expect(contentMatchesType(type('application/pdf'), PNG)).toBe(false);
    expect(contentMatchesType(type('image/png'), JPEG)).toBe(false);
    expect(contentMatchesType(type('image/jpeg'), PDF)).toBe(false);
    expect(contentMatchesType(type('image/png'), bytes(0x89, 0x50))).toBe(false);
    expect(contentMatchesType(type('application/pdf'), bytes())).toBe(false);
    expect(
      contentMatchesType(
        type('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
        PDF,
      ),
    ).toBe(false);
  });

  it('refuses a binary file declared as text', () => {
    expect(contentMatchesType(type('text/plain'), PDF)).toBe(false);
    expect(contentMatchesType(type('message/rfc822'), ZIP)).toBe(false);
  });
});

describe('sanitiseFilename', () => {
  const pdf = type('application/pdf');
  const text = type('text/plain');

  it('keeps an ordinary name, accents included', () => {
    expect(sanitiseFilename('Award letter – Zoë.pdf', pdf)).toBe('Award letter – Zoë.pdf');
    expect(sanitiseFilename('scan.PDF', pdf)).toBe('scan.PDF');
  });

  it('drops paths, control and reserved characters', () => {
    expect(sanitiseFilename('../../etc/pass\u0000wd', text)).toBe('passwd.txt');
    expect(sanitiseFilename('C:\\Users\\me\\letter.pdf', pdf)).toBe('letter.pdf');
    expect(sanitiseFilename('a<b>c:"d"|e?f*.pdf', pdf)).toBe('abcdef.pdf');
    expect(sanitiseFilename('line\r\nbreak.pdf', pdf)).toBe('linebreak.pdf');
  });

  it('removes direction overrides that disguise an extension', () => {
    expect(sanitiseFilename('invoice\u202Efdp.exe', pdf)).toBe('invoicefdp.exe.pdf');
  });

  it('adds the extension of the type when the name has another', () => {
    expect(sanitiseFilename('page.html', text)).toBe('page.html.txt');
    expect(sanitiseFilename('photo', type('image/jpeg'))).toBe('photo.jpg');
    expect(sanitiseFilename('photo.jpeg', type('image/jpeg'))).toBe('photo.jpeg');
  });

  it('trims dots and spaces, defuses reserved device names, and never returns nothing', () => {
    expect(sanitiseFilename('  ..hidden.pdf. ', pdf)).toBe('hidden.pdf');
    expect(sanitiseFilename('CON.txt', text)).toBe('_CON.txt');
    expect(sanitiseFilename('', pdf)).toBe('document.pdf');
    expect(sanitiseFilename('../', pdf)).toBe('document.pdf');
  });

  it('shortens long names to 200 characters and keeps the extension', () => {
    const name = sanitiseFilename(`${'é'.repeat(300)}.pdf`, pdf);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('sends an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Zoë’s "letter" 100%.pdf')).toBe(
      `attachment; filename="Zoe_s _letter_ 100_.pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20%22letter%22%20100%25.pdf`,
    );
  });

  it('escapes characters that would end the parameter', () => {
    const header = attachmentDisposition("a'b(c)*;d.txt");
    expect(header).toContain(`filename*=UTF-8''a%27b%28c%29%2A%3Bd.txt`);
    expect(header).not.toMatch(/[\r\n]/);
  });
});
