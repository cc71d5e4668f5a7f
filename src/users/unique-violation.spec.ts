import { identityCollision } from './unique-violation';

const failure = (code: string, message: string) => ({ driverError: { code, message } });

describe('identityCollision', () => {
  it('reads MySQL/MariaDB duplicate-key errors', () => {
    expect(
      identityCollision(failure('ER_DUP_ENTRY', "Duplicate entry 'x' for key 'UQ_users_username_key'")),
    ).toBe('username');
    expect(
      identityCollision(failure('ER_DUP_ENTRY', "Duplicate entry 'x' for key 'users.UQ_users_email_key'")),
    ).toBe('email');
  });

  it('reads SQLite unique-constraint errors', () => {
    expect(
      identityCollision(failure('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: users.email_key')),
    ).toBe('email');
  });

  it('ignores everything else', () => {
    expect(identityCollision(new Error('boom'))).toBeNull();
    expect(identityCollision(failure('ER_DUP_ENTRY', "Duplicate entry '1' for key 'PRIMARY'"))).toBeNull();
    expect(identityCollision(failure('SQLITE_BUSY', 'username_key'))).toBeNull();
  });
});
