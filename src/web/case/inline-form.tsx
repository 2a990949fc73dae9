import { Button, Group } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ZodError } from 'zod';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';

export interface InlineFormProps {
  /** The toggle's words and the form's name, e.g. "Add an action". */
  label: string;
  /** Problem field name → input id (for the error summary's links). */
  fieldIds: Record<string, string>;
  submitLabel: string;
  /**
   * Sends the form. Throw the ZodError of a failed contract parse for problems found here, or let the
   * ApiError through: both are shown beside the fields.
   */
  onSubmit: (data: FormData) => Promise<void>;
  /** Called after a successful submit, with the form closed (e.g. reload and announce). */
  onDone: () => void;
  children: (problem: FormProblem | null) => ReactNode;
  /** A small text-like toggle for item-level forms (complete, resolve…); a button for section-level ones. */
  compact?: boolean;
  /** Red for irreversible or serious steps (close a case). */
  tone?: 'default' | 'danger';
}

/**
 * A form that opens in place from a toggle button (aria-expanded), takes focus into its first field,
 * shows problems beside the fields, and gives focus back to the toggle when it closes.
 */
export function InlineForm(props: InlineFormProps) {
  const { label, fieldIds, submitLabel, onSubmit, onDone, children, compact, tone } = props;
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const formId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      toggle.current?.focus();
    }
  }, [open]);

  const close = () => {
    returnFocus.current = true;
    setProblem(null);
    setOpen(false);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      await onSubmit(new FormData(event.currentTarget));
      setPending(false);
      close();
      onDone();
    } catch (error) {
      setPending(false);
      setProblem(error instanceof ZodError ? problemFromIssues(error) : problemFromError(error));
    }
  }

  return (
    <div className={compact ? 'inline-form-wrap compact' : 'inline-form-wrap'}>
      {!open &&
        (compact ? (
          <button
            ref={toggle}
            type="button"
            className="text-button"
            aria-expanded={false}
            onClick={() => setOpen(true)}
          >
            {label}
          </button>
        ) : (
          <Button
            ref={toggle}
            size="compact-sm"
            variant={tone === 'danger' ? 'outline' : 'default'}
            color={tone === 'danger' ? 'red.9' : undefined}
            aria-expanded={false}
            onClick={() => setOpen(true)}
          >
            {label}
          </Button>
        ))}
      {open && (
        <form ref={form} id={formId} onSubmit={submit} noValidate className="inline-form" aria-label={label}>
          <ErrorSummary problem={problem} fieldIds={fieldIds} />
          {children(problem)}
          <Group gap="xs" mt="sm">
            <Button
              type="submit"
              size="compact-sm"
              loading={pending}
              color={tone === 'danger' ? 'red.9' : undefined}
            >
              {submitLabel}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={close} disabled={pending}>
              Cancel
            </Button>
          </Group>
        </form>
      )}
    </div>
  );
}

/** Reads a trimmed text field of a form ('' when absent). */
export const textOf = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

/** A parse that throws its ZodError, for InlineForm's onSubmit. */
export function parseOrThrow<T>(result: { success: true; data: T } | { success: false; error: ZodError }): T {
  if (!result.success) throw result.error;
  return result.data;
}
