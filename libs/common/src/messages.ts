/** Messages shared by several modules (API.md Appendix A). Module-specific texts live beside their module. */
export const CommonMessages = {
  TOKEN_MISSING: 'The authorization token is missing!',
  TOKEN_INVALID: 'The token is invalid!',
  TOKEN_EXPIRED: 'The token has expired! Please, login again or refresh it.',
  USER_DOES_NOT_EXIST: 'User does not exist.',
  EMAIL_NOT_VERIFIED: 'Please verify your email before login.',
  SCHEMA_VALIDATION_FAILED: 'Input payload validation failed',
  BAD_REQUEST: 'The browser (or proxy) sent a request that this server could not understand.',
  NOT_FOUND:
    'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  METHOD_NOT_ALLOWED: 'The method is not allowed for the requested URL.',
  PAYLOAD_TOO_LARGE: 'The data value transmitted exceeds the capacity limit.',
  TOO_MANY_REQUESTS: 'Too many requests. Please wait before trying again.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable. Please try again later.',
  INTERNAL_ERROR: 'Internal Server Error',
  INVALID_INPUT: 'Invalid input.',
} as const;
