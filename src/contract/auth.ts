import { z } from 'zod';
import { emailSchema, newPasswordSchema, roleSchema } from './common.ts';

export const loginRequestSchema = z
  .object({
    email: emailSchema,
    password: z.string().min(1, { message: 'Enter your password' }).max(1024),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  totpEnabled: z.boolean(),
});

/**
 * The signed-in state. `stage` says what the person must do next:
 * `totp` — enter a code from the authenticator app (or a recovery code);
 * `enrol` — set up an authenticator app (required for admins and supervisors);
 * `full` — signed in.
 */
export const sessionResponseSchema = z
  .object({
    stage: z.enum(['full', 'totp', 'enrol']),
    csrfToken: z.string().describe('Send it back in the `x-csrf-token` header of every write.'),
    expiresAt: z.iso.datetime(),
    user: sessionUserSchema,
  })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const totpCodeRequestSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/i, {
        message: 'Enter the 6-digit code from your authenticator app, or a recovery code like ab12c-d34ef',
      }),
  })
  .meta({ id: 'TotpCodeRequest' });

export const totpEnrolmentSchema = z
  .object({
    secret: z.string().describe('Base32 secret, for typing into the app by hand.'),
    otpauthUrl: z.string(),
    qrCodeSvg: z.string().describe('The otpauth URL as an SVG QR code.'),
  })
  .meta({ id: 'TotpEnrolment' });

export const totpEnrolConfirmResponseSchema = z
  .object({
    recoveryCodes: z.array(z.string()).describe('Shown once: each code signs in once without the app.'),
    session: sessionResponseSchema,
  })
  .meta({ id: 'TotpEnrolConfirmResponse' });

export const changePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1, { message: 'Enter your current password' }).max(1024),
    newPassword: newPasswordSchema,
  })
  .meta({ id: 'ChangePasswordRequest' });
