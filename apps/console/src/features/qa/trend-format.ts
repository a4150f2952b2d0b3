/** "82%" for a percent score, "—" without one. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : `${Math.round(score)}%`;
}

/** "75%" for a 0–1 share, "—" without one. */
export function shareText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** A 0–1 share to four decimals for a spreadsheet; empty without one. */
export function shareValue(share: number | null): number | null {
  return share === null ? null : Math.round(share * 10_000) / 10_000;
}

/** A percent to one decimal for a spreadsheet; empty without one. */
export function scoreValue(score: number | null): number | null {
  return score === null ? null : Math.round(score * 10) / 10;
}
