import { IsInt } from 'class-validator';
import { profileCard, ProfileCardResponse } from '../users/user.dto';
import { User } from '../users/user.entity';

/** Body of POST /admin/new and /admin/remove (schema-validated, API.md §10.3). */
export class AdminTargetDto {
  /** Id of the user to appoint or revoke. */
  @IsInt()
  user_id!: number;
}

/** API.md §1.2 AdminUser: exactly the shared profile card. */
export class AdminUserResponse extends ProfileCardResponse {}

export function toAdminUser(user: User): AdminUserResponse {
  return profileCard(user);
}
