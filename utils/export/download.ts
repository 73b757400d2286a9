/** Saves text as a file the person downloads: a Blob and an `<a download>` (no downloads permission needed). */
export function downloadText(
  doc: Document,
  name: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoked later: the browser reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
