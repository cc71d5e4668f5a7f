/** Texts of API.md §7 / Appendix A (typos are the original's and clients show them). */
export const AdminMessages = {
  CANNOT_ASSIGN: "You don't have admin status. You can't assign other user as admin.",
  CANNOT_ASSIGN_SELF: 'You cannot assign yourself as an Admin.',
  ALREADY_ADMIN: 'User is already an Admin.',
  NOW_ADMIN: 'User is now an Admin.',
  CANNOT_REVOKE: "You don't have admin status. You can't revoke other admin user.",
  CANNOT_REVOKE_SELF: 'You cannot revoke your adminstatus.',
  NOT_ADMIN: 'User is not an Admin.',
  REVOKED: 'User admin status was revoked.',
} as const;
