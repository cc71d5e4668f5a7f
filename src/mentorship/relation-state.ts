/** API.md §1.1 relation states; the integers are the API and database values. */
export enum RelationState {
  PENDING = 1,
  ACCEPTED = 2,
  REJECTED = 3,
  CANCELLED = 4,
  COMPLETED = 5,
}

export const RELATION_STATE_NAMES: Record<RelationState, string> = {
  [RelationState.PENDING]: 'PENDING',
  [RelationState.ACCEPTED]: 'ACCEPTED',
  [RelationState.REJECTED]: 'REJECTED',
  [RelationState.CANCELLED]: 'CANCELLED',
  [RelationState.COMPLETED]: 'COMPLETED',
};

/** `relation_state` query value (case-insensitive name) → state; null if it names none. */
export function parseRelationState(name: string): RelationState | null {
  const upper = name.toUpperCase();
  const entry = Object.entries(RELATION_STATE_NAMES).find(([, stateName]) => stateName === upper);
  return entry ? Number(entry[0]) : null;
}
