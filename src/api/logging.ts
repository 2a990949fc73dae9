/**
 * pino options: one line per request with method, path (no query string: it may hold search terms
 * or names), status and time; credentials and personal data are redacted wherever they appear.
 */
import type { FastifyServerOptions } from 'fastify';

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.secret',
  '*.email',
  '*.name',
  '*.displayName',
  '*.display_name',
  '*.dateOfBirth',
  '*.phone',
  '*.address',
  '*.notes',
  '*.body',
];

export function loggerOptions(
  level: string,
  stream?: { write(line: string): void },
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        id: req.id,
      }),
    },
  };
}
