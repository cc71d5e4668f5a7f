import { hashSync } from 'bcrypt';
import { DataSource, DeepPartial } from 'typeorm';
import { wholeSeconds } from '@app/common';
import { MentorshipRelation } from '../../../src/mentorship/relation.entity';
import { RelationState } from '../../../src/mentorship/relation-state';
import { identityKey, User } from '../../../src/users/user.entity';

export const DEFAULT_PASSWORD = 'password123';
// Cost 4: fast to verify in tests; bcrypt compares at whatever cost the hash says.
const DEFAULT_HASH = hashSync(DEFAULT_PASSWORD, 4);
const DAY = 86_400;

let sequence = 0;

/** A verified user with a unique username/email; anything can be overridden. */
export async function createUser(dataSource: DataSource, overrides: DeepPartial<User> = {}): Promise<User> {
  sequence += 1;
  const username = overrides.username ?? `user_${process.pid}_${sequence}`;
  const email = overrides.email ?? `${username}@example.com`;
  const user = dataSource.getRepository(User).create({
    name: 'Test User',
    passwordHash: DEFAULT_HASH,
    registrationDate: wholeSeconds(new Date()),
    termsAndConditionsChecked: true,
    isAdmin: false,
    isEmailVerified: true,
    emailVerificationDate: wholeSeconds(new Date()),
    needMentoring: true,
    availableToMentor: true,
    ...overrides,
    username,
    usernameKey: identityKey(username),
    email,
    emailKey: identityKey(email),
  });
  return dataSource.getRepository(User).save(user);
}

export interface RelationSeed {
  mentor: User | null;
  mentee: User | null;
  /** The sender (action user); defaults to the mentee. */
  sender?: User;
  state?: RelationState;
  /** Epoch seconds; defaults to 8 weeks from now. */
  endDate?: number;
  notes?: string;
}

export async function createRelation(
  dataSource: DataSource,
  seed: RelationSeed,
): Promise<MentorshipRelation> {
  const sender = seed.sender ?? seed.mentee ?? seed.mentor;
  const endDate = seed.endDate ?? Date.now() / 1000 + 56 * DAY;
  const repository = dataSource.getRepository(MentorshipRelation);
  return repository.save(
    repository.create({
      mentorId: seed.mentor?.id ?? null,
      menteeId: seed.mentee?.id ?? null,
      actionUserId: sender?.id ?? 0,
      creationDate: wholeSeconds(new Date()),
      acceptDate: null,
      startDate: null,
      endDate: wholeSeconds(new Date(endDate * 1000)),
      state: seed.state ?? RelationState.PENDING,
      notes: seed.notes ?? 'Please mentor me.',
      lastTaskId: 0,
    }),
  );
}
