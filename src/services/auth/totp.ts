/** TOTP (RFC 6238) with otplib: secrets, otpauth URLs, QR codes, replay-safe verification. */
import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'Caseload';
const PERIOD = 30;

export const newTotpSecret = (): string => generateSecret();

export function totpUrl(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret, period: PERIOD });
}

export const totpQrSvg = (url: string): Promise<string> => QRCode.toString(url, { type: 'svg', margin: 2 });

/**
 * Verifies a 6-digit code, allowing one step of clock drift either way, and refusing a code whose
 * time step is not after `lastStep` (so a seen code cannot be replayed).
 * @returns the accepted time step, or undefined
 */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | undefined> {
  const epoch = Math.floor(now.getTime() / 1000);
  try {
    const result = await verify({
      secret,
      token: code,
      epoch,
      period: PERIOD,
      epochTolerance: PERIOD,
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    });
    if (!result.valid) return undefined;
    return Math.floor(epoch / PERIOD) + result.delta;
  } catch {
    return undefined;
  }
}

/** Ten one-time recovery codes like `ab12c-d34ef`. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes are stored hashed; they are high-entropy, so a plain SHA-256 is enough. */
export const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
