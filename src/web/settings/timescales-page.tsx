import { Button, Group, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ServiceTimescalesResponse } from '../../contract/service-timescales.ts';
import { setServiceTimescaleRequestSchema } from '../../contract/service-timescales.ts';
import type { ApiClient } from '../api-client.ts';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { settingsApi } from './settings-api.ts';
import '../key-dates/key-dates.css';

type Band = 'red' | 'amber' | 'green';
type Source = 'case-type' | 'organisation' | 'default';
const FIELDS = ['firstContactDays', 'reviewDays', 'resolutionDays'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_WORDS: Record<Field, string> = {
  firstContactDays: 'first contact',
  reviewDays: 'review interval',
  resolutionDays: 'target resolution',
};
const BAND_WORDS: Record<Band, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
const SOURCE_WORDS: Record<Source, string> = {
  'case-type': 'Set for this case type',
  organisation: 'Inherited: organisation default',
  default: 'Inherited: built in',
};

interface RowModel {
  /** Unique on the page, for input ids. */
  id: string;
  caseTypeId: string | null;
  /** "Debt, red" or "Default, red": the row in words, for labels. */
  name: string;
  band: Band;
  values: Record<Field, number>;
  source: Source;
}

const inputId = (row: RowModel, field: Field) => `ts-${row.id}-${field}`;

/** Administrators' page: working days to first contact, between reviews and to resolution, per band and case type. */
export function TimescalesPage({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(() => settingsApi.timescales(api), 'timescales');
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<{ row: RowModel; problem: FormProblem } | null>(null);

  const done = (message: string) => {
    setProblem(null);
    setAnnouncement(message);
    void reload();
  };

  return (
    <>
      <PageHeading>Service timescales</PageHeading>
      <p className="section-hint key-dates-intro">
        How soon a case must have its first contact, how long it may go without attention (the review
        interval) and when it should be resolved, in working days (weekends and your nation’s bank holidays
        are skipped), by priority band. A case type inherits the organisation’s default for a band unless it
        has its own; the organisation’s default is the built-in one until you change it. Open cases are
        re-assessed after every change.
      </p>
      <p role="status" className="meta">
        {announcement}
      </p>
      {problem && (
        <ErrorSummary
          problem={problem.problem}
          fieldIds={Object.fromEntries(FIELDS.map((f) => [f, inputId(problem.row, f)]))}
        />
      )}
      {loaded.state === 'loading' && <PageLoading what="service timescales" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <TimescaleTables
          key={JSON.stringify(loaded.data)}
          api={api}
          data={loaded.data}
          problem={problem}
          onProblem={(row, p) => setProblem({ row, problem: p })}
          onDone={done}
        />
      )}
    </>
  );
}

function rowsOf(data: ServiceTimescalesResponse) {
  const values = (t: Record<Field, number>) => ({
    firstContactDays: t.firstContactDays,
    reviewDays: t.reviewDays,
    resolutionDays: t.resolutionDays,
  });
  const defaults: RowModel[] = data.bandDefaults.map((b) => ({
    id: `default-${b.band}`,
    caseTypeId: null,
    name: `Organisation default, ${b.band}`,
    band: b.band,
    values: values(b),
    source: b.source,
  }));
  const byType = data.caseTypes.map((c) => ({
    caseType: c,
    rows: c.bands.map<RowModel>((b) => ({
      id: `${c.caseTypeId}-${b.band}`,
      caseTypeId: c.caseTypeId,
      name: `${c.name}, ${b.band}`,
      band: b.band,
      values: values(b),
      source: b.source,
    })),
  }));
  return { defaults, byType };
}

interface TablesProps {
  api: ApiClient;
  data: ServiceTimescalesResponse;
  problem: { row: RowModel; problem: FormProblem } | null;
  onProblem: (row: RowModel, problem: FormProblem) => void;
  onDone: (message: string) => void;
}

function TimescaleTables(props: TablesProps) {
  const { data } = props;
  const { defaults, byType } = rowsOf(data);
  const builtIn = data.builtIn.map(
    (b) => `${b.band} ${b.firstContactDays}/${b.reviewDays}/${b.resolutionDays}`,
  );
  return (
    <>
      <section aria-labelledby="band-defaults-heading" className="settings-section">
        <h2 id="band-defaults-heading" className="section-title">
          Organisation defaults by band
        </h2>
        <p className="section-hint">
          Built in (first contact / review interval / target resolution): {builtIn.join('; ')}.
        </p>
        <Table.ScrollContainer minWidth={720}>
          <Table className="data-table timescale-table" aria-labelledby="band-defaults-heading">
            <TableHead first="Band" />
            <Table.Tbody>
              {defaults.map((row) => (
                <TimescaleRow key={row.id} {...props} row={row} header={BAND_WORDS[row.band]} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      <section aria-labelledby="case-type-timescales-heading" className="settings-section">
        <h2 id="case-type-timescales-heading" className="section-title">
          By case type
        </h2>
        <Table.ScrollContainer minWidth={820}>
          <Table className="data-table timescale-table" aria-labelledby="case-type-timescales-heading">
            <TableHead first="Case type" band />
            {byType.map(({ caseType, rows }) => (
              <Table.Tbody key={caseType.caseTypeId}>
                {rows.map((row, i) => (
                  <TimescaleRow
                    key={row.id}
                    {...props}
                    row={row}
                    group={i === 0 ? { name: caseType.name, size: rows.length } : undefined}
                    header={BAND_WORDS[row.band]}
                  />
                ))}
              </Table.Tbody>
            ))}
          </Table>
        </Table.ScrollContainer>
      </section>
    </>
  );
}

function TableHead({ first, band }: { first: string; band?: boolean }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        {band && <Table.Th scope="col">Band</Table.Th>}
        <Table.Th scope="col">First contact (working days)</Table.Th>
        <Table.Th scope="col">Review interval (working days)</Table.Th>
        <Table.Th scope="col">Target resolution (working days)</Table.Th>
        <Table.Th scope="col">Comes from</Table.Th>
        <Table.Th scope="col">Change</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

function TimescaleRow({
  api,
  row,
  header,
  group,
  problem,
  onProblem,
  onDone,
}: TablesProps & { row: RowModel; header: string; group?: { name: string; size: number } | undefined }) {
  const [values, setValues] = useState<Record<Field, string>>({
    firstContactDays: String(row.values.firstContactDays),
    reviewDays: String(row.values.reviewDays),
    resolutionDays: String(row.values.resolutionDays),
  });
  const [pending, setPending] = useState(false);
  const fieldErrors = problem?.row.id === row.id ? problem.problem.fields : {};
  const own = row.source === (row.caseTypeId ? 'case-type' : 'organisation');
  const what = row.caseTypeId ? `${row.name.split(',')[0]} (${row.band})` : `the ${row.band} band default`;

  async function save() {
    const body = {
      caseTypeId: row.caseTypeId,
      band: row.band,
      ...Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() === '' ? Number.NaN : Number(values[f])])),
    };
    const parsed = setServiceTimescaleRequestSchema.safeParse(body);
    if (!parsed.success) {
      onProblem(row, problemFromIssues(parsed.error));
      return;
    }
    setPending(true);
    try {
      const result = await settingsApi.setTimescale(api, parsed.data);
      onDone(`Saved the timescale of ${what}.${reassessed(result.reassessment)}`);
    } catch (error) {
      const p = problemFromError(error);
      if (p) onProblem(row, p);
    } finally {
      setPending(false);
    }
  }

  async function clear() {
    setPending(true);
    try {
      await settingsApi.clearTimescale(api, row.caseTypeId, row.band);
      onDone(`The timescale of ${what} is inherited again.`);
    } catch (error) {
      const p = problemFromError(error);
      if (p) onProblem(row, p);
    } finally {
      setPending(false);
    }
  }

  return (
    <Table.Tr>
      {group && (
        <Table.Th scope="rowgroup" rowSpan={group.size}>
          {group.name}
        </Table.Th>
      )}
      {group !== undefined || row.caseTypeId !== null ? (
        <Table.Td>{header}</Table.Td>
      ) : (
        <Table.Th scope="row">{header}</Table.Th>
      )}
      {FIELDS.map((f) => (
        <Table.Td key={f}>
          <TextInput
            id={inputId(row, f)}
            size="xs"
            type="number"
            min={1}
            inputMode="numeric"
            aria-label={`${row.name}: ${FIELD_WORDS[f]} (working days)`}
            error={Boolean(fieldErrors[f])}
            value={values[f]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, [f]: value }));
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save();
            }}
            styles={{ input: { width: '5.5rem' } }}
          />
        </Table.Td>
      ))}
      <Table.Td>{SOURCE_WORDS[row.source]}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            loading={pending}
            onClick={() => void save()}
            aria-label={`Save ${row.name}`}
          >
            Save
          </Button>
          {own && (
            <Button
              size="compact-sm"
              variant="default"
              disabled={pending}
              onClick={() => void clear()}
              aria-label={`Inherit the default for ${row.name}`}
            >
              Inherit
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function reassessed(r: { assessed: number; changed: number } | null): string {
  if (r === null) return ' Open cases will be re-assessed in the daily run.';
  const cases = r.assessed === 1 ? '1 open case' : `${r.assessed} open cases`;
  return ` ${cases} re-assessed, ${r.changed} changed.`;
}
