import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/SimpleGrid.css';
import { Group, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormProblem } from '../form-problem.tsx';

/** Problem field name (as the API names it) → input id, for the error summary's links. */
export const CLIENT_FIELD_IDS: Record<string, string> = {
  legalName: 'client-legal-name',
  preferredName: 'client-preferred-name',
  pronouns: 'client-pronouns',
  dateOfBirth: 'client-dob',
  email: 'client-email',
  phone: 'client-phone',
  address: 'client-address',
  'safeContact.voicemail': 'client-voicemail-yes',
  'safeContact.letters': 'client-letters-yes',
  'safeContact.safeTimes': 'client-safe-times',
  'safeContact.safeAddress': 'client-safe-address',
  'safeContact.safePhone': 'client-safe-phone',
  'safeContact.notes': 'client-safe-notes',
  'accessNeeds.interpreter': 'client-interpreter',
  'accessNeeds.language': 'client-language',
  'accessNeeds.bsl': 'client-bsl',
  'accessNeeds.easyRead': 'client-easy-read',
  'accessNeeds.other': 'client-access-other',
};

const ids = CLIENT_FIELD_IDS as Record<string, string>;

/** Yes / no / not asked: a question of safe contact that may not have been asked yet. */
function YesNoUnknown({
  name,
  label,
  problem,
}: {
  name: string;
  label: string;
  problem: FormProblem | null;
}) {
  const base = ids[`safeContact.${name}`]?.replace(/-yes$/, '') ?? name;
  return (
    <Radio.Group
      name={name}
      label={label}
      defaultValue="unknown"
      error={problem?.fields[`safeContact.${name}`]}
    >
      <Group gap="lg" mt={4}>
        <Radio id={`${base}-yes`} value="yes" label="Yes" />
        <Radio id={`${base}-no`} value="no" label="No" />
        <Radio id={`${base}-unknown`} value="unknown" label="Not asked yet" />
      </Group>
    </Radio.Group>
  );
}

/** The person: names, pronouns, date of birth, contact details. */
export function PersonFields({ problem }: { problem: FormProblem | null }) {
  const err = (f: string) => problem?.fields[f];
  return (
    <fieldset className="form-section">
      <legend>The person</legend>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            id={ids.legalName}
            name="legalName"
            label="Legal name"
            description="As on official documents"
            autoComplete="off"
            required
            error={err('legalName')}
          />
          <TextInput
            id={ids.preferredName}
            name="preferredName"
            label="Preferred name (optional)"
            description="What they like to be called"
            autoComplete="off"
            error={err('preferredName')}
          />
          <TextInput
            id={ids.pronouns}
            name="pronouns"
            label="Pronouns (optional)"
            description="For example she/her, they/them"
            autoComplete="off"
            error={err('pronouns')}
          />
          <TextInput
            id={ids.dateOfBirth}
            name="dateOfBirth"
            type="date"
            label="Date of birth (optional)"
            description="Helps to spot a client recorded twice"
            error={err('dateOfBirth')}
          />
          <TextInput
            id={ids.email}
            name="email"
            type="email"
            label="Email address (optional)"
            autoComplete="off"
            spellCheck={false}
            error={err('email')}
          />
          <TextInput
            id={ids.phone}
            name="phone"
            type="tel"
            label="Phone number (optional)"
            autoComplete="off"
            error={err('phone')}
          />
        </SimpleGrid>
        <Textarea
          id={ids.address}
          name="address"
          label="Address (optional)"
          autosize
          minRows={2}
          error={err('address')}
        />
      </Stack>
    </fieldset>
  );
}

/** How the person may safely be contacted: asked before anyone calls or writes. */
export function SafeContactFields({ problem }: { problem: FormProblem | null }) {
  const err = (f: string) => problem?.fields[`safeContact.${f}`];
  return (
    <fieldset className="form-section">
      <legend>Safe contact</legend>
      <p className="section-hint">
        Ask how it is safe to get in touch — someone else may read their letters or hear a voicemail.
      </p>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <YesNoUnknown name="voicemail" label="May we leave a voicemail?" problem={problem} />
          <YesNoUnknown name="letters" label="May we send letters?" problem={problem} />
          <TextInput
            id={ids['safeContact.safeTimes']}
            name="safeTimes"
            label="Safe times to contact (optional)"
            description="For example weekdays 10:00–14:00"
            error={err('safeTimes')}
          />
          <TextInput
            id={ids['safeContact.safePhone']}
            name="safePhone"
            type="tel"
            label="Safe phone number (optional)"
            error={err('safePhone')}
          />
        </SimpleGrid>
        <Textarea
          id={ids['safeContact.safeAddress']}
          name="safeAddress"
          label="Safe address (optional)"
          description="Where letters may go, if not their home"
          autosize
          minRows={2}
          error={err('safeAddress')}
        />
        <Textarea
          id={ids['safeContact.notes']}
          name="safeNotes"
          label="Anything else about contact (optional)"
          autosize
          minRows={2}
          error={err('notes')}
        />
      </Stack>
    </fieldset>
  );
}

/** Interpreter and language, BSL, easy read, other needs. */
export function AccessNeedsFields({ problem }: { problem: FormProblem | null }) {
  const err = (f: string) => problem?.fields[`accessNeeds.${f}`];
  return (
    <fieldset className="form-section">
      <legend>Access needs</legend>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Stack gap={6}>
            <label className="check-row" htmlFor={ids['accessNeeds.interpreter']}>
              <input type="checkbox" id={ids['accessNeeds.interpreter']} name="interpreter" />
              Needs an interpreter
            </label>
            <label className="check-row" htmlFor={ids['accessNeeds.bsl']}>
              <input type="checkbox" id={ids['accessNeeds.bsl']} name="bsl" />
              Needs a British Sign Language (BSL) interpreter
            </label>
            <label className="check-row" htmlFor={ids['accessNeeds.easyRead']}>
              <input type="checkbox" id={ids['accessNeeds.easyRead']} name="easyRead" />
              Needs easy-read material
            </label>
          </Stack>
          <TextInput
            id={ids['accessNeeds.language']}
            name="language"
            label="Interpreter’s language (optional)"
            description="Needed when they need an interpreter"
            error={err('language')}
          />
        </SimpleGrid>
        <Textarea
          id={ids['accessNeeds.other']}
          name="accessOther"
          label="Other access needs (optional)"
          description="For example step-free access, large print, a quiet room"
          autosize
          minRows={2}
          error={err('other')}
        />
      </Stack>
    </fieldset>
  );
}
