import { TextInput } from '@mantine/core';

export interface CodeFieldProps {
  id: string;
  description: string;
  error?: string | undefined;
  /** Recovery codes have letters: the numeric keyboard would get in the way. */
  allowLetters?: boolean;
}

/** The "Authentication code" field: a 6-digit code from the app, or a recovery code like ab12c-d34ef. */
export function CodeField({ id, description, error, allowLetters = false }: CodeFieldProps) {
  return (
    <TextInput
      id={id}
      name="code"
      label="Authentication code"
      description={description}
      inputMode={allowLetters ? 'text' : 'numeric'}
      autoComplete="one-time-code"
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      maxLength={32}
      required
      error={error}
      styles={{
        input: {
          maxWidth: '13rem',
          fontFamily: 'var(--mantine-font-family-monospace)',
          letterSpacing: '0.08em',
        },
      }}
    />
  );
}
