/**
 * Which case-insensitive identity a failed insert/update collided on, when a concurrent
 * request won the race between our existence check and the write; null for any other error.
 * MySQL/MariaDB name the index (`UQ_users_username_key`), SQLite the column (`users.username_key`).
 */
export function identityCollision(error: unknown): 'username' | 'email' | null {
  const driver = (error as { driverError?: { code?: unknown; message?: unknown } })?.driverError;
  const code = typeof driver?.code === 'string' ? driver.code : '';
  if (code !== 'ER_DUP_ENTRY' && !code.startsWith('SQLITE_CONSTRAINT')) return null;
  const message = typeof driver?.message === 'string' ? driver.message : '';
  if (message.includes('username_key')) return 'username';
  if (message.includes('email_key')) return 'email';
  return null;
}
