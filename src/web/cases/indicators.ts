/** The ticked indicators and the typed ones (comma-separated), each once, in that order. */
export function indicatorsFromForm(data: FormData): string[] {
  const ticked = data.getAll('indicator').map(String);
  const typed = String(data.get('indicatorOther') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  return [...ticked, ...typed].filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
