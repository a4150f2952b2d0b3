/** "82%" for a percent score, "—" without one. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : `${Math.round(score)}%`;
}

/** A percent to one decimal for a spreadsheet; empty without one. */
export function scoreValue(score: number | null): number | null {
  return score === null ? null : Math.round(score * 10) / 10;
}
