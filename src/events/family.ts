// Event types that a later back-reference may name differently ("the strikes" ... "the raids").

/** Raids, strikes and attacks name one kind of deed when referred back to: `sameFamily('COERCE', 'ASSAULT')` → true. */
export function sameFamily(a: string, b: string): boolean {
  const force = (t: string): boolean => t === 'ASSAULT' || t === 'COERCE';
  return a === b || (force(a) && force(b));
}
