import { UsersMessages } from '../users/users.messages';
import {
  codePointLength,
  isValidEmail,
  NAME_COLUMN,
  NAME_PATTERN,
  strippedLength,
  USERNAME_PATTERN,
} from '../users/user-field-rules';
import { AuthMessages } from './auth.messages';

export interface RegistrationFields {
  name: string;
  username: string;
  password: string;
  email: string;
  terms_and_conditions_checked: boolean;
}

/** API.md §2.1 checks 2–9, after the schema check, in contract order; null when all pass. */
export function registrationError(fields: RegistrationFields): string | null {
  const { name, username, password, email } = fields;
  if (password.includes(' ')) return UsersMessages.PASSWORD_HAS_SPACES;
  const nameLength = strippedLength(name);
  // A name padded with whitespace may pass the stripped check yet not fit the column.
  if (nameLength < 2 || nameLength > 30 || codePointLength(name) > NAME_COLUMN) {
    return UsersMessages.NAME_LENGTH;
  }
  const usernameLength = strippedLength(username);
  if (usernameLength < 5 || usernameLength > 25) return UsersMessages.USERNAME_LENGTH;
  const passwordLength = strippedLength(password);
  if (passwordLength < 8 || passwordLength > 64) return AuthMessages.PASSWORD_LENGTH;
  if (fields.terms_and_conditions_checked !== true) return AuthMessages.TERMS_NOT_CHECKED;
  if (!NAME_PATTERN.test(name)) return UsersMessages.NAME_INVALID;
  if (!isValidEmail(email)) return AuthMessages.EMAIL_INVALID;
  if (!USERNAME_PATTERN.test(username)) return AuthMessages.USERNAME_INVALID;
  return null;
}
