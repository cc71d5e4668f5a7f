/** Texts of API.md Appendix A used by the users endpoints (and shared with registration). */
export const UsersMessages = {
  USER_NOT_FOUND: 'User not found.',
  NAME_LENGTH: 'The name field has to be longer than 1 characters and shorter than 31 characters.',
  USERNAME_LENGTH: 'The username field has to be longer than 4 characters and shorter than 26 characters.',
  NAME_INVALID: 'Your name is invalid.',
  NEW_USERNAME_INVALID: 'Your new username is invalid.',
  USERNAME_TAKEN: 'A user with that username already exists.',
  PASSWORD_HAS_SPACES: "Password shouldn't contain spaces.",
  NO_UPDATE_DATA: 'No data for updating profile was sent.',
  USER_UPDATED: 'User was updated successfully.',
  ONLY_ADMIN_LEFT: 'You cannot delete your account, since you are the only Admin left.',
  USER_DELETED: 'User was deleted successfully.',
  SAME_PASSWORD: 'New password should not be same as the current password.',
  NEW_PASSWORD_LENGTH:
    'The new_password field has to be longer than 7 characters and shorter than 65 characters.',
  WRONG_CURRENT_PASSWORD: 'Current password is incorrect.',
  PASSWORD_UPDATED: 'Password was updated successfully.',
} as const;

/** "The <field> field has to be shorter than <max+1> characters." (PUT /user, §3.5 step 4). */
export function tooLongMessage(field: string, max: number): string {
  return `The ${field} field has to be shorter than ${max + 1} characters.`;
}

/** "Field <field> is not valid." (PUT /user, §3.5 steps 5–6). */
export function flagInvalidMessage(field: string): string {
  return `Field ${field} is not valid.`;
}
