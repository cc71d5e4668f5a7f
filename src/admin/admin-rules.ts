import { HttpStatus } from '@nestjs/common';
import { ApiError, CommonMessages } from '@app/common';
import { User } from '../users/user.entity';
import { AdminMessages } from './admin.messages';

/** POST /admin/new checks 5–7 of API.md §7.1, after the caller is known to be an admin. */
export function assignAdminError(callerId: number, targetId: number, target: User | null): ApiError | null {
  if (targetId === callerId) return new ApiError(HttpStatus.FORBIDDEN, AdminMessages.CANNOT_ASSIGN_SELF);
  if (!target) return new ApiError(HttpStatus.NOT_FOUND, CommonMessages.USER_DOES_NOT_EXIST);
  if (target.isAdmin) return new ApiError(HttpStatus.BAD_REQUEST, AdminMessages.ALREADY_ADMIN);
  return null;
}

/**
 * POST /admin/remove checks 5–7 of API.md §7.2: an admin may revoke anyone's admin status,
 * their own included, as long as another admin remains.
 */
export function revokeAdminError(
  callerId: number,
  targetId: number,
  target: User | null,
  adminCount: number,
): ApiError | null {
  if (targetId === callerId && adminCount <= 1) {
    return new ApiError(HttpStatus.FORBIDDEN, AdminMessages.CANNOT_REVOKE_SELF);
  }
  if (!target) return new ApiError(HttpStatus.NOT_FOUND, CommonMessages.USER_DOES_NOT_EXIST);
  if (!target.isAdmin) return new ApiError(HttpStatus.BAD_REQUEST, AdminMessages.NOT_ADMIN);
  return null;
}
