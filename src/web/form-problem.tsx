import { Alert, List, Text } from '@mantine/core';
import { type MouseEvent, useEffect, useRef } from 'react';
import type { z } from 'zod';
import { ApiError, fieldErrorsOf } from './api-client.ts';

/** What went wrong with a form submission, in words for the person, with per-field messages. */
export interface FormProblem {
  detail: string;
  fields: Record<string, string>;
}

/** Client-side validation issues (from the shared contract schema) as a form problem. */
export function problemFromIssues(error: z.ZodError): FormProblem {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // Nested fields are named as the server names them: safeContact.safePhone.
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
    fields[field] ??= issue.message;
  }
  return { detail: 'Check what you entered.', fields };
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

export interface ProblemOptions {
  /** Error codes that are about one field though the server names none, e.g. `{ INVALID_TOTP: 'code' }`. */
  fieldOfCode?: Record<string, string>;
  now?: Date;
}

/**
 * A failed call as a form problem: the server's `detail` and its field errors. Returns null when the
 * client already dealt with it (a 401 sent the person back to sign in).
 */
export function problemFromError(error: unknown, options: ProblemOptions = {}): FormProblem | null {
  if (!(error instanceof ApiError)) {
    console.error(error);
    return { detail: 'Something went wrong in this page. Reload it and try again.', fields: {} };
  }
  if (error.handled) return null;
  const { problem } = error;
  let detail = problem.detail;
  const wait = problem.retryAfterSeconds;
  if (typeof wait === 'number' && wait >= 120) {
    const at = (options.now ?? new Date()).getTime() + wait * 1000;
    detail += ` You can try again at ${timeFormat.format(new Date(at))}.`;
  }
  const fields = fieldErrorsOf(problem);
  const field = options.fieldOfCode?.[problem.code];
  if (field) fields[field] ??= problem.detail;
  return { detail, fields };
}

export interface ErrorSummaryProps {
  problem: FormProblem | null;
  /** The form's fields: problem field name → input id. Field errors for these become links. */
  fieldIds: Record<string, string>;
}

/**
 * The error region at the top of a form (role="alert"). It takes focus whenever a new problem arrives;
 * each field error links to its field, which also shows the message beside it.
 */
export function ErrorSummary({ problem, fieldIds }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);

  if (!problem) return null;
  const linked = Object.entries(problem.fields).flatMap(([field, message]) => {
    const id = fieldIds[field];
    return id ? [{ id, message }] : [];
  });

  const focusField = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };

  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="light" mb="md" title="There is a problem">
      {linked.length > 0 ? (
        <List size="sm" spacing={2}>
          {linked.map(({ id, message }) => (
            <List.Item key={id}>
              <a href={`#${id}`} className="error-link" onClick={(event) => focusField(event, id)}>
                {message}
              </a>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{problem.detail}</Text>
      )}
    </Alert>
  );
}
