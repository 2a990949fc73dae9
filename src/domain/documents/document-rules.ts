/**
 * Rules of documents attached to a case or a note: which file types may be attached, whether the
 * bytes are what the declared type says, and how a client-supplied filename is made safe to store
 * and to send back in a Content-Disposition header.
 */

export interface AllowedDocumentType {
  readonly contentType: string;
  /** What a person calls it, for messages. */
  readonly label: string;
  /** Extensions (lower case, with the dot); the first is added when a filename has none of them. */
  readonly extensions: readonly string[];
  /** The bytes every file of this type starts with, when the type has such a signature. */
  readonly signature?: readonly number[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The content types that may be attached (everything else is refused). */
export const ALLOWED_DOCUMENT_TYPES: readonly AllowedDocumentType[] = [
  {
    contentType: 'application/pdf',
    label: 'PDF',
    extensions: ['.pdf'],
    signature: [0x25, 0x50, 0x44, 0x46, 0x2d],
  },
  {
    contentType: 'image/png',
    label: 'PNG image',
    extensions: ['.png'],
    signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  {
    contentType: 'image/jpeg',
    label: 'JPEG image',
    extensions: ['.jpg', '.jpeg'],
    signature: [0xff, 0xd8, 0xff],
  },
  { contentType: 'text/plain', label: 'plain text', extensions: ['.txt'] },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word document (.docx)',
    extensions: ['.docx'],
    signature: ZIP,
  },
  {
    contentType: 'application/vnd.oasis.opendocument.text',
    label: 'OpenDocument text (.odt)',
    extensions: ['.odt'],
    signature: ZIP,
  },
  { contentType: 'message/rfc822', label: 'email (.eml)', extensions: ['.eml'] },
];

/** Other names clients send for an allowed type. */
const ALIASES: Readonly<Record<string, string>> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

/** The allowed types in words, for messages: "PDF, PNG image, …". */
export const allowedTypesInWords = (): string => ALLOWED_DOCUMENT_TYPES.map((t) => t.label).join(', ');

/**
 * The allowed type a declared Content-Type names (case and parameters ignored), or undefined.
 * @example allowedDocumentType('Application/PDF; name=x') // the PDF entry
 */
export function allowedDocumentType(declared: string): AllowedDocumentType | undefined {
  const essence = (declared.split(';')[0] ?? '').trim().toLowerCase();
  const name = ALIASES[essence] ?? essence;
  return ALLOWED_DOCUMENT_TYPES.find((t) => t.contentType === name);
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const SIGNATURES = [...new Set(ALLOWED_DOCUMENT_TYPES.flatMap((t) => (t.signature ? [t.signature] : [])))];

/**
 * Whether the file's first bytes agree with its declared type: a PDF starts with `%PDF-`, a PNG
 * and a JPEG with their signatures, .docx and .odt are ZIP containers; a text or email file must
 * not start with one of those binary signatures.
 */
export function contentMatchesType(type: AllowedDocumentType, bytes: Uint8Array): boolean {
  if (type.signature) return startsWith(bytes, type.signature);
  return !SIGNATURES.some((s) => startsWith(bytes, s));
}

const MAX_FILENAME_CHARS = 200;
const RESERVED_CHARS = new Set(['<', '>', ':', '"', '|', '?', '*']);

/**
 * C0 and C1 controls, characters Windows refuses in names, and the bidirectional and zero-width
 * controls that can make "cod.exe" display as "exe.doc".
 */
function isUnsafeChar(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0;
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    RESERVED_CHARS.has(c)
  );
}
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function truncate(name: string, maxChars: number): string {
  const chars = Array.from(name);
  if (chars.length <= maxChars) return name;
  const ext = Array.from(extensionOf(name));
  const keepExt = ext.length > 0 && ext.length <= 10 ? ext : [];
  return (
    chars
      .slice(0, maxChars - keepExt.length)
      .join('')
      .trimEnd() + keepExt.join('')
  );
}

/**
 * A filename safe to store and show: the last path segment only, without control, reserved or
 * direction-changing characters, without leading or trailing dots and spaces, at most 200
 * characters, never empty, and ending in an extension of its type (added when missing, so a file
 * declared as text cannot be saved as `page.html`).
 * @example sanitiseFilename('../../etc/pass\u0000wd', textType) // 'passwd.txt'
 */
export function sanitiseFilename(raw: string, type: AllowedDocumentType): string {
  let name = raw.normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = Array.from(name)
    .filter((c) => !isUnsafeChar(c))
    .join('')
    .replace(/\s+/g, ' ');
  name = name.replace(/^[.\s]+|[.\s]+$/g, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name === '') name = 'document';
  const fallback = type.extensions[0] ?? '';
  const withExtension = type.extensions.includes(extensionOf(name)) ? name : `${name}${fallback}`;
  return truncate(withExtension, MAX_FILENAME_CHARS);
}

const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition header that makes browsers save the file rather than open it: an ASCII
 * fallback name (accents dropped, anything else replaced by `_`) and the exact UTF-8 name.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^ -~]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}
