import { IsBoolean, IsString, ValidateIf } from 'class-validator';

/** POST /register body (API.md §2.1). The decorators are the §10.3 schema: presence and JSON type. */
export class RegisterDto {
  /** 2..30 characters without whitespace; ASCII letters, whitespace and `-`. */
  @IsString()
  name!: string;

  /** 5..25 characters; ASCII letters, digits and `_`. */
  @IsString()
  username!: string;

  /** 8..64 characters, no spaces. */
  @IsString()
  password!: string;

  @IsString()
  email!: string;

  /** Must be true. */
  @IsBoolean()
  terms_and_conditions_checked!: boolean;

  // Optional, but `null` is not a boolean (jsonschema), so only an absent key skips the check.
  @ValidateIf((_dto, value) => value !== undefined)
  @IsBoolean()
  need_mentoring?: boolean;

  @ValidateIf((_dto, value) => value !== undefined)
  @IsBoolean()
  available_to_mentor?: boolean;
}

/** POST /login body (API.md §2.4); the endpoint checks the fields itself (§10.4). */
export class LoginDto {
  /** The username or the email address. */
  username!: string;

  password!: string;
}

/** POST /user/resend_email body (API.md §2.3). */
export class ResendEmailDto {
  email!: string;
}

export class LoginResponse {
  access_token!: string;
  /** Epoch seconds (float) of the access token's `exp`. */
  access_expiry!: number;
  refresh_token!: string;
  /** Epoch seconds (float) of the refresh token's `exp`. */
  refresh_expiry!: number;
}

export class RefreshResponse {
  access_token!: string;
  /** Epoch seconds (float) of the new access token's `exp`. */
  access_expiry!: number;
}
