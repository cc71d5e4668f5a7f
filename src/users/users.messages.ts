/** Texts of API.md Appendix A used by the users endpoints. */
export const UsersMessages = {
  USER_NOT_FOUND: 'User not found.',
} as const;
