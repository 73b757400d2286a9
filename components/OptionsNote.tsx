import type { Note } from '../utils/stores/popupState';

/** The outcome of an options action, read out politely (errors assertively). */
export function OptionsNote({ note, testId }: { note: Note | undefined; testId?: string }) {
  if (!note) return null;
  return (
    <p
      class={`note note-${note.tone}`}
      role={note.tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {note.text}
    </p>
  );
}
