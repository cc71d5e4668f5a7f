import { IsInt } from 'class-validator';
import { profileCard } from '../users/user.dto';
import { User } from '../users/user.entity';

/** Body of POST /admin/new and /admin/remove (schema-validated, API.md §10.3). */
export class AdminTargetDto {
  /** Id of the user to appoint or revoke. */
  @IsInt()
  user_id!: number;
}

/** API.md §1.2 AdminUser. */
export class AdminUserResponse {
  id!: number;
  username!: string;
  name!: string;
  slack_username!: string | null;
  bio!: string | null;
  location!: string | null;
  occupation!: string | null;
  organization!: string | null;
  skills!: string | null;
}

export function toAdminUser(user: User): AdminUserResponse {
  return profileCard(user);
}
