import { hashSync } from 'bcrypt';
import { DataSource, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { TaskComment } from '../src/tasks/task-comment.entity';
import { Task } from '../src/tasks/task.entity';
import { User } from '../src/users/user.entity';

/**
 * Deterministic, realistic data through the entities: users with profiles (90 % verified),
 * relations in every state, tasks and comments. Growth is incremental — `seed(ds, 1000, 10000)`
 * adds users 1001…10000 and their relations to an existing 1,000-user database — so the
 * scale series seeds 1M users once, not 1k + 10k + 100k + 1M.
 *
 * Relation layout (every id is computed, so tasks can reference relations without reading back):
 * - pair relation for every even user j: mentor j-1, mentee j, state by (j/2) % 8 — current,
 *   current but overdue (the completion job's work), pending, expired pending, rejected,
 *   cancelled, completed ×2. At most one ACCEPTED relation per user, as the app guarantees.
 * - chain relation for every user j ≥ 3: mentor j-2, mentee j, never ACCEPTED.
 * So each user sits in about three relations (~1.5 relations per user in the table).
 */
export const BENCH_PASSWORD = 'password123';
const BATCH = 2000;
const DAY_MS = 86_400_000;
const { PENDING, ACCEPTED, REJECTED, CANCELLED, COMPLETED } = RelationState;

const FIRST = ['Ada', 'Grace', 'Alan', 'Ann', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Radia'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Smith', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov'];
const CITIES = ['Lagos', 'Lisbon', 'Pune', 'Austin', 'Nairobi', 'Berlin', null];
const SKILLS = ['TypeScript, SQL', 'Python', 'Go, Kubernetes', 'Design', null];

export const isVerified = (id: number) => id % 10 !== 3;
const pairKind = (j: number) => (j / 2) % 8;

/** Relations that exist for users 1..j-1 (ids are dense and in user order). */
function relationsBefore(j: number): number {
  return Math.max(0, j - 3) + Math.floor((j - 1) / 2);
}
/** Id of the pair relation (j-1, j) for an even j. */
export function pairRelationId(j: number): number {
  return relationsBefore(j) + (j >= 3 ? 1 : 0) + 1;
}

function user(id: number, now: number, passwordHash: string): Partial<User> {
  const verified = isVerified(id);
  const registered = new Date(Math.floor((now - (id % 700) * DAY_MS - 40 * DAY_MS) / 1000) * 1000);
  return {
    id,
    name: `${FIRST[id % FIRST.length]} ${LAST[(id * 7) % LAST.length]}`,
    username: `user${id}`,
    usernameKey: `user${id}`,
    email: `user${id}@example.org`,
    emailKey: `user${id}@example.org`,
    passwordHash,
    registrationDate: registered,
    termsAndConditionsChecked: true,
    isAdmin: id === 1,
    isEmailVerified: verified,
    emailVerificationDate: verified ? registered : null,
    currentMentorshipRole: null,
    membershipStatus: null,
    bio: id % 4 === 0 ? null : `Engineer #${id}, happy to share what I know about building software.`,
    location: CITIES[id % CITIES.length],
    occupation: id % 3 === 0 ? 'Student' : 'Software Engineer',
    organization: id % 5 === 0 ? null : 'Example Org',
    slackUsername: id % 2 === 0 ? `slack${id}` : null,
    socialMediaLinks: null,
    skills: SKILLS[id % SKILLS.length],
    interests: 'Open source',
    resumeUrl: null,
    photoUrl: id % 6 === 0 ? `https://example.org/p/${id}.png` : null,
    needMentoring: id % 3 === 0,
    availableToMentor: id % 2 === 0,
  };
}

function relation(
  id: number,
  mentor: number,
  mentee: number,
  sender: number,
  state: RelationState,
  endMs: number,
): Partial<MentorshipRelation> {
  const second = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
  return {
    id,
    mentorId: mentor,
    menteeId: mentee,
    actionUserId: sender,
    creationDate: second(endMs - 60 * DAY_MS),
    acceptDate: null,
    startDate: state === PENDING ? null : second(endMs - 56 * DAY_MS),
    endDate: second(endMs),
    state,
    notes: 'Would you mentor me on my first open-source contribution?',
    lastTaskId: 0,
  };
}

const PAIR_STATES: [RelationState, number][] = [
  [ACCEPTED, +30],
  [ACCEPTED, -2],
  [PENDING, +20],
  [PENDING, -10],
  [REJECTED, +15],
  [CANCELLED, -30],
  [COMPLETED, -60],
  [COMPLETED, -120],
];
const CHAIN_STATES: [RelationState, number][] = [
  [PENDING, +25],
  [REJECTED, +10],
  [CANCELLED, -20],
  [COMPLETED, -90],
  [PENDING, -5],
];
const TASKS_PER_RELATION = 4;

export interface SeedCounts {
  users: number;
  relations: number;
  tasks: number;
  comments: number;
}

/** Adds users from+1..to with their relations, tasks and comments; returns the rows added. */
export async function seed(dataSource: DataSource, from: number, to: number): Promise<SeedCounts> {
  const now = Date.now();
  const hash = hashSync(BENCH_PASSWORD, 10);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const counts: SeedCounts = { users: 0, relations: 0, tasks: 0, comments: 0 };
  try {
    // Bulk load: the generator guarantees keys are unique and references exist.
    await runner.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    for (let start = from + 1; start <= to; start += BATCH) {
      const end = Math.min(to, start + BATCH - 1);
      const users: Partial<User>[] = [];
      const relations: Partial<MentorshipRelation>[] = [];
      const tasks: Partial<Task>[] = [];
      const comments: Partial<TaskComment>[] = [];
      for (let j = start; j <= end; j += 1) {
        users.push(user(j, now, hash));
        if (j >= 3) {
          const [state, days] = CHAIN_STATES[j % CHAIN_STATES.length];
          const id = relationsBefore(j) + 1;
          relations.push(relation(id, j - 2, j, j, state, now + days * DAY_MS));
        }
        if (j % 2 === 0) {
          const kind = pairKind(j);
          const [state, days] = PAIR_STATES[kind];
          const id = pairRelationId(j);
          const row = relation(id, j - 1, j, kind % 2 === 0 ? j : j - 1, state, now + days * DAY_MS);
          if (state === ACCEPTED || state === COMPLETED) {
            row.lastTaskId = TASKS_PER_RELATION;
            for (let task = 1; task <= TASKS_PER_RELATION; task += 1) {
              const created = new Date(Math.floor((now - (10 - task) * DAY_MS) / 1000) * 1000);
              const done = task <= 2;
              tasks.push({
                relationId: id,
                id: task,
                description: `Milestone ${task}: read the contributing guide and open a draft PR`,
                isDone: done,
                createdAt: created,
                completedAt: done ? new Date(created.getTime() + DAY_MS) : null,
              });
            }
            for (const author of [j - 1, j]) {
              comments.push({
                userId: author,
                taskId: 1,
                relationId: id,
                creationDate: new Date(Math.floor(now / 1000) * 1000 - 3 * DAY_MS),
                modificationDate: null,
                comment: 'Looks good — left two suggestions on the PR.',
              });
            }
          }
          relations.push(row);
        }
      }
      await insert(runner, User, users);
      await insert(runner, MentorshipRelation, relations);
      await insert(runner, Task, tasks);
      await insert(runner, TaskComment, comments);
      counts.users += users.length;
      counts.relations += relations.length;
      counts.tasks += tasks.length;
      counts.comments += comments.length;
    }
  } finally {
    await runner.query('SET SESSION foreign_key_checks = 1, unique_checks = 1');
    await runner.release();
  }
  return counts;
}

/** One multi-row INSERT per batch, without reading generated values back. */
async function insert<T extends ObjectLiteral>(
  runner: QueryRunner,
  target: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  await runner.manager.createQueryBuilder().insert().into(target).values(rows).updateEntity(false).execute();
}
