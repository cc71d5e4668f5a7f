/** Texts of API.md Appendix A used by the auth endpoints (§2). */
export const AuthMessages = {
  REGISTERED:
    'User was created successfully.A confirmation email has been sent via email. After confirming your email you can login.',
  PASSWORD_LENGTH: 'The password field has to be longer than 7 characters and shorter than 65 characters.',
  TERMS_NOT_CHECKED: 'Terms and conditions are not checked.',
  EMAIL_INVALID: 'Your email is invalid.',
  USERNAME_INVALID: 'Your username is invalid.',
  USERNAME_EXISTS: 'A user with that username already exists.',
  EMAIL_EXISTS: 'A user with that email already exists.',
  CONFIRMATION_INVALID: 'The confirmation link is invalid or the token has expired.',
  ALREADY_CONFIRMED: 'Account already confirmed.',
  CONFIRMED: 'You have confirmed your account. Thanks!',
  EMAIL_MISSING: 'Email field is missing.',
  NOT_REGISTERED: 'You are not registered in the system.',
  ALREADY_VERIFIED: 'You already confirm your email.',
  CONFIRMATION_RESENT: 'Check your email, a new verification email was sent.',
  USERNAME_MISSING: 'The field username is missing.',
  PASSWORD_MISSING: 'Password field is missing.',
  WRONG_CREDENTIALS: 'Username or password is wrong.',
} as const;
