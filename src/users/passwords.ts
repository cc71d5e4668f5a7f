import { compare, hash } from 'bcrypt';

const COST = 10;

// A real hash to compare against when the user does not exist, so a login for an unknown
// name takes as long as one with a wrong password (no user enumeration by timing).
const DECOY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.yZmdOA3xZJ6g8h5k7Mf7zX0ZxT4W';

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

/** False for a missing hash or one bcrypt cannot read (e.g. an imported Werkzeug hash). */
export async function verifyPassword(password: string, passwordHash: string | null): Promise<boolean> {
  try {
    const matches = await compare(password, passwordHash ?? DECOY_HASH);
    return matches && passwordHash !== null;
  } catch {
    return false;
  }
}
