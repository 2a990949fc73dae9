import { Group, Textarea } from '@mantine/core';
import { changeCaseStatusRequestSchema } from '../../contract/cases.ts';
import { CLOSE_FIELD_IDS, CloseCaseFields, financialOutcomeOf } from '../outcomes/close-case-fields.tsx';
import { recordsApi } from '../records-api.ts';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';

/**
 * Put on hold (with the reason), close (an outcome from the organisation's list, optional details,
 * the reason and any financial outcome), reopen: for who may manage the case.
 */
export function StatusControls({ api, data, changed }: SectionProps) {
  const { kase } = data;
  if (!kase.yourAccess.manage) return null;
  const send = async (body: unknown) => {
    await recordsApi.changeStatus(api, kase.id, parseOrThrow(changeCaseStatusRequestSchema.safeParse(body)));
  };
  return (
    <Group gap="xs" align="flex-start" className="status-controls print-hide">
      {kase.status === 'open' && (
        <InlineForm
          label="Put on hold"
          submitLabel="Put the case on hold"
          fieldIds={{ reason: 'hold-reason' }}
          onSubmit={(d) => send({ status: 'on_hold', reason: textOf(d, 'reason') })}
          onDone={() => changed('The case is on hold.')}
        >
          {(p) => (
            <Textarea
              id="hold-reason"
              name="reason"
              label="Why is the case on hold?"
              description="For example: waiting for the tribunal to list the hearing"
              required
              autosize
              minRows={2}
              error={p?.fields.reason}
            />
          )}
        </InlineForm>
      )}
      {kase.status !== 'open' && (
        <InlineForm
          label="Reopen"
          submitLabel="Reopen the case"
          fieldIds={{ reason: 'reopen-reason' }}
          onSubmit={(d) => {
            const reason = textOf(d, 'reason');
            return send({ status: 'open', ...(reason ? { reason } : {}) });
          }}
          onDone={() => changed('The case is open again.')}
        >
          {(p) => (
            <Textarea
              id="reopen-reason"
              name="reason"
              label={
                kase.status === 'closed' ? 'Why is the case reopened?' : 'Why is it reopened? (optional)'
              }
              required={kase.status === 'closed'}
              autosize
              minRows={2}
              error={p?.fields.reason}
            />
          )}
        </InlineForm>
      )}
      {kase.status !== 'closed' && (
        <InlineForm
          label="Close case"
          tone="danger"
          submitLabel="Close the case"
          fieldIds={CLOSE_FIELD_IDS}
          onSubmit={(d) => {
            const outcome = textOf(d, 'outcome');
            const financialOutcomes = financialOutcomeOf(d);
            return send({
              status: 'closed',
              outcomeKey: textOf(d, 'outcomeKey'),
              ...(outcome ? { outcome } : {}),
              closureReason: textOf(d, 'closureReason'),
              ...(financialOutcomes.length > 0 ? { financialOutcomes } : {}),
            });
          }}
          onDone={() => changed('The case is closed.')}
        >
          {(p) => (
            <CloseCaseFields api={api} recordsFinancial={data.financialOutcomes.recorded} problem={p} />
          )}
        </InlineForm>
      )}
    </Group>
  );
}
