/** The new-client form's values as the API's create-client request (before the contract schema checks it). */

const yesNo = (value: FormDataEntryValue | null): boolean | undefined =>
  value === 'yes' ? true : value === 'no' ? false : undefined;

const text = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

/** Leaves out empty answers, so nothing unasked is recorded as an answer. */
function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}

/**
 * Reads the new-client form. A safe-contact question answered "not asked yet" and an unticked access
 * need are left out (unknown), not recorded as "no".
 */
export function clientRequestFromForm(data: FormData): Record<string, unknown> {
  const safeContact = compact({
    voicemail: yesNo(data.get('voicemail')),
    letters: yesNo(data.get('letters')),
    safeTimes: text(data, 'safeTimes'),
    safeAddress: text(data, 'safeAddress'),
    safePhone: text(data, 'safePhone'),
    notes: text(data, 'safeNotes'),
  });
  const accessNeeds = compact({
    interpreter: data.get('interpreter') === 'on' ? true : undefined,
    language: text(data, 'language'),
    bsl: data.get('bsl') === 'on' ? true : undefined,
    easyRead: data.get('easyRead') === 'on' ? true : undefined,
    other: text(data, 'accessOther'),
  });
  return {
    legalName: text(data, 'legalName'),
    ...compact({
      preferredName: text(data, 'preferredName'),
      pronouns: text(data, 'pronouns'),
      dateOfBirth: text(data, 'dateOfBirth'),
      email: text(data, 'email'),
      phone: text(data, 'phone'),
      address: text(data, 'address'),
    }),
    ...(Object.keys(safeContact).length > 0 ? { safeContact } : {}),
    ...(Object.keys(accessNeeds).length > 0 ? { accessNeeds } : {}),
  };
}
