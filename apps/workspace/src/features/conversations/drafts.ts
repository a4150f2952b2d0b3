/** Unsent composer text, kept per conversation and mode so nothing typed is lost. */
const PREFIX = 'switchboard.draft.';

export type ComposerMode = 'reply' | 'note';

export function loadDraft(conversationId: string, mode: ComposerMode): string {
  try {
    return localStorage.getItem(`${PREFIX}${conversationId}.${mode}`) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(conversationId: string, mode: ComposerMode, text: string): void {
  try {
    const key = `${PREFIX}${conversationId}.${mode}`;
    if (text.trim()) localStorage.setItem(key, text);
    else localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the draft lives only while the page is open.
  }
}
