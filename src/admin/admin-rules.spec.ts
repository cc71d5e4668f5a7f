import { User } from '../users/user.entity';
import { assignAdminError, revokeAdminError } from './admin-rules';

const user = (id: number, isAdmin: boolean) => ({ id, isAdmin }) as User;
const verdict = (error: { getStatus(): number; message: string } | null) =>
  error ? [error.getStatus(), error.message] : null;

describe('assignAdminError (API.md §7.1)', () => {
  it('refuses self first, then unknown, then existing admins', () => {
    expect(verdict(assignAdminError(1, 1, user(1, true)))).toEqual([
      403,
      'You cannot assign yourself as an Admin.',
    ]);
    expect(verdict(assignAdminError(1, 2, null))).toEqual([404, 'User does not exist.']);
    expect(verdict(assignAdminError(1, 2, user(2, true)))).toEqual([400, 'User is already an Admin.']);
    expect(assignAdminError(1, 2, user(2, false))).toBeNull();
  });
});

describe('revokeAdminError (API.md §7.2)', () => {
  it('lets the last admin keep their status, and only them', () => {
    expect(verdict(revokeAdminError(1, 1, user(1, true), 1))).toEqual([
      403,
      'You cannot revoke your adminstatus.',
    ]);
    expect(revokeAdminError(1, 1, user(1, true), 2)).toBeNull();
    expect(revokeAdminError(1, 2, user(2, true), 2)).toBeNull();
  });

  it('refuses unknown users and non-admins', () => {
    expect(verdict(revokeAdminError(1, 3, null, 1))).toEqual([404, 'User does not exist.']);
    expect(verdict(revokeAdminError(1, 3, user(3, false), 1))).toEqual([400, 'User is not an Admin.']);
  });
});
