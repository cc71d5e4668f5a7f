/**
 * API.md §3.1 `is_available`: a user in a current (ACCEPTED) relation is not available;
 * otherwise they are if they want a mentor or offer to be one.
 */
export function isAvailable(
  user: { needMentoring: boolean; availableToMentor: boolean },
  inAcceptedRelation: boolean,
): boolean {
  if (inAcceptedRelation) return false;
  return user.needMentoring || user.availableToMentor;
}
