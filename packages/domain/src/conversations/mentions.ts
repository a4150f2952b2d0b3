/**
 * @handles in an internal note: the part of a colleague's email before the @
 * (e.g. "@ana.silva"). Returned lower-cased and unique, in order of appearance.
 */
export function mentionHandles(body: string): string[] {
  const handles = new Set<string>();
  // A handle ends where a word ends: "@joão" mentions nobody rather than a colleague "jo".
  for (const match of body.matchAll(
    /(?:^|[^\w.@])@([a-z0-9][a-z0-9._-]*[a-z0-9])(?![\p{L}\p{N}])/giu,
  )) {
    handles.add(match[1]!.toLowerCase());
  }
  return [...handles];
}

/** The handle a colleague is mentioned by. */
export function mentionHandleOf(email: string): string {
  return email.split('@')[0]!.toLowerCase();
}
