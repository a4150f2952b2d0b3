/**
 * DRIVER_NO_SHOW from "Driver no-show": a code suggested while the lead types the name,
 * cut to the longest code the schema allows.
 */
export function suggestCode(name: string, maxLength = 64): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^[^A-Z]+|_+$/g, '')
    .slice(0, maxLength)
    .replace(/_+$/, '');
}

/** What a lead types into a code field, as the UPPER_SNAKE_CASE codes are written. */
export function asCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '_');
}
