/**
 * Administrators' "File reviews" settings: the sampling rule (cases per practitioner per period and
 * the share chosen by risk) and the checklist (add, reword, reorder, retire; keys never change).
 */
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import { Button, Checkbox, Group, NativeSelect, Table, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  createFileReviewItemRequestSchema,
  type FileReviewItemResponse,
  type SamplingRuleResponse,
  setSamplingRuleRequestSchema,
  updateFileReviewItemRequestSchema,
} from '../../contract/file-reviews.ts';
import type { ApiClient } from '../api-client.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink } from '../router.ts';
import { PATHS } from '../routes.ts';
import { fileReviewsApi } from './file-reviews-api.ts';
import './file-reviews.css';

export function FileReviewSettingsPage({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(async () => {
    const [rule, items] = await Promise.all([fileReviewsApi.rule(api), fileReviewsApi.items(api, true)]);
    return { rule, items: items.items };
  }, 'file-review-settings');
  const [announcement, setAnnouncement] = useState('');
  const changed = (message: string) => {
    setAnnouncement(message);
    void reload();
  };
  return (
    <>
      <PageHeading>File reviews: sampling and checklist</PageHeading>
      <p className="section-hint">
        Supervisors sample their teams’ cases each period and check each against this checklist. See the{' '}
        <a href={PATHS.fileReviewReport} onClick={followLink}>
          annual report
        </a>{' '}
        for the results per item.
      </p>
      <p role="status" className="meta">
        {announcement}
      </p>
      {loaded.state === 'loading' && <PageLoading what="the file-review settings" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <>
          <RuleForm
            key={JSON.stringify(loaded.data.rule)}
            api={api}
            rule={loaded.data.rule}
            onDone={changed}
          />
          <ChecklistTable api={api} items={loaded.data.items} onDone={changed} />
        </>
      )}
    </>
  );
}

function RuleForm({
  api,
  rule,
  onDone,
}: {
  api: ApiClient;
  rule: SamplingRuleResponse;
  onDone: (message: string) => void;
}) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const parsed = setSamplingRuleRequestSchema.safeParse({
      casesPerPractitioner: Number(textOf(d, 'casesPerPractitioner') || Number.NaN),
      period: textOf(d, 'period'),
      riskShare: Number(textOf(d, 'riskShare') || Number.NaN),
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error));
      return;
    }
    setPending(true);
    try {
      const saved = await fileReviewsApi.setRule(api, parsed.data);
      setProblem(null);
      onDone(`Sampling rule saved: ${saved.description}`);
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setPending(false);
    }
  }
  return (
    <section aria-labelledby="rule-heading" className="record-section">
      <h2 id="rule-heading" className="section-title">
        Sampling rule
      </h2>
      <p className="section-hint">Now: {rule.description}</p>
      <form onSubmit={submit} noValidate aria-labelledby="rule-heading" className="record-form">
        <ErrorSummary
          problem={problem}
          fieldIds={{ casesPerPractitioner: 'rule-cases', period: 'rule-period', riskShare: 'rule-share' }}
        />
        <div className="form-grid">
          <TextInput
            id="rule-cases"
            name="casesPerPractitioner"
            label="Cases per practitioner per period"
            description="0 to 50; 0 samples none."
            inputMode="numeric"
            defaultValue={String(rule.casesPerPractitioner)}
            error={problem?.fields.casesPerPractitioner}
          />
          <NativeSelect
            id="rule-period"
            name="period"
            label="Period"
            defaultValue={rule.period}
            data={[
              { value: 'month', label: 'Month' },
              { value: 'quarter', label: 'Quarter' },
              { value: 'half-year', label: 'Half-year' },
              { value: 'year', label: 'Year' },
            ]}
            error={problem?.fields.period}
          />
          <TextInput
            id="rule-share"
            name="riskShare"
            label="Share chosen by risk"
            description="From 0 (all at random) to 1 (all by risk), e.g. 0.5 for half."
            inputMode="decimal"
            defaultValue={String(rule.riskShare)}
            error={problem?.fields.riskShare}
          />
        </div>
        <Group mt="sm">
          <Button type="submit" loading={pending}>
            Save the sampling rule
          </Button>
        </Group>
      </form>
    </section>
  );
}

function ChecklistTable({
  api,
  items,
  onDone,
}: {
  api: ApiClient;
  items: readonly FileReviewItemResponse[];
  onDone: (message: string) => void;
}) {
  return (
    <section aria-labelledby="checklist-heading" className="record-section">
      <h2 id="checklist-heading" className="section-title">
        Checklist
      </h2>
      <p className="section-hint">
        Retired items are no longer asked; past reviews keep them, in the words they were answered under.
      </p>
      <Table.ScrollContainer minWidth={760}>
        <Table className="data-table" verticalSpacing={6}>
          <Table.Caption>The items a reviewer checks, in order</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Position</Table.Th>
              <Table.Th scope="col">Item</Table.Th>
              <Table.Th scope="col">Key</Table.Th>
              <Table.Th scope="col">Asked</Table.Th>
              <Table.Th scope="col">Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.sortOrder}</Table.Td>
                <Table.Th scope="row" className="file-review-item-label">
                  {item.label}
                  {item.guidance && <div className="meta">{item.guidance}</div>}
                </Table.Th>
                <Table.Td>
                  <code>{item.key}</code>
                </Table.Td>
                <Table.Td>{item.active ? 'Yes' : 'No, retired'}</Table.Td>
                <Table.Td>
                  <EditItemForm api={api} item={item} onDone={onDone} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <InlineForm
        label="Add an item"
        submitLabel="Add item"
        fieldIds={{ key: 'item-key', label: 'item-label', guidance: 'item-guidance' }}
        onSubmit={async (d) => {
          const guidance = textOf(d, 'guidance');
          const body = parseOrThrow(
            createFileReviewItemRequestSchema.safeParse({
              key: textOf(d, 'key'),
              label: textOf(d, 'label'),
              ...(guidance ? { guidance } : {}),
            }),
          );
          await fileReviewsApi.addItem(api, body);
        }}
        onDone={() => onDone('Checklist item added.')}
      >
        {(p) => (
          <div className="form-grid">
            <TextInput
              id="item-label"
              name="label"
              label="What the reviewer checks"
              required
              className="span-2"
              error={p?.fields.label}
            />
            <TextInput
              id="item-key"
              name="key"
              label="Key"
              description="Lower-case letters, digits and hyphens, e.g. fees-explained; it cannot change."
              required
              error={p?.fields.key}
            />
            <Textarea
              id="item-guidance"
              name="guidance"
              label="Guidance (optional)"
              autosize
              error={p?.fields.guidance}
            />
          </div>
        )}
      </InlineForm>
    </section>
  );
}

function EditItemForm({
  api,
  item,
  onDone,
}: {
  api: ApiClient;
  item: FileReviewItemResponse;
  onDone: (message: string) => void;
}) {
  const id = (field: string) => `item-${item.id}-${field}`;
  return (
    <InlineForm
      compact
      label={`Change ${item.key}`}
      submitLabel="Save"
      fieldIds={{
        label: id('label'),
        guidance: id('guidance'),
        sortOrder: id('order'),
        active: id('active'),
      }}
      onSubmit={async (d) => {
        const body = parseOrThrow(
          updateFileReviewItemRequestSchema.safeParse({
            label: textOf(d, 'label'),
            guidance: textOf(d, 'guidance'),
            sortOrder: Number(textOf(d, 'sortOrder') || Number.NaN),
            active: d.get('active') === 'on',
          }),
        );
        await fileReviewsApi.updateItem(api, item.id, body);
      }}
      onDone={() => onDone('Checklist item saved.')}
    >
      {(p) => (
        <div className="form-grid">
          <TextInput
            id={id('label')}
            name="label"
            label="What the reviewer checks"
            defaultValue={item.label}
            required
            className="span-2"
            error={p?.fields.label}
          />
          <Textarea
            id={id('guidance')}
            name="guidance"
            label="Guidance (optional)"
            defaultValue={item.guidance ?? ''}
            autosize
            error={p?.fields.guidance}
          />
          <TextInput
            id={id('order')}
            name="sortOrder"
            label="Position"
            inputMode="numeric"
            defaultValue={String(item.sortOrder)}
            error={p?.fields.sortOrder}
          />
          <Checkbox id={id('active')} name="active" label="Asked in reviews" defaultChecked={item.active} />
        </div>
      )}
    </InlineForm>
  );
}
