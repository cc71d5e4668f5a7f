import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Page } from '@app/common';
import { RowReader } from '../database/row-reader';
import { RelationState } from '../mentorship/relation-state';
import { isAvailable } from './availability';
import { User } from './user.entity';

/** What PublicUser (and the gate of GET /users/{id}) reads of a user: nothing private. */
const PUBLIC_COLUMNS = [
  'id',
  'username',
  'name',
  'slackUsername',
  'bio',
  'location',
  'occupation',
  'organization',
  'interests',
  'skills',
  'needMentoring',
  'availableToMentor',
  'registrationDate',
  'isEmailVerified',
] as const satisfies readonly (keyof User)[];

type PublicColumn = (typeof PUBLIC_COLUMNS)[number];
export type PublicUserFields = Pick<User, PublicColumn>;

export interface PublicUserRow {
  user: PublicUserFields;
  isAvailable: boolean;
}

export interface DirectoryQuery {
  callerId: number;
  search: string;
  page: Page;
  verifiedOnly: boolean;
}

/** `%`, `_` and the escape character itself, escaped for `LIKE … ESCAPE '!'`. */
function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

/**
 * Member look-ups for the PublicUser shape. Whether each user is in an ACCEPTED relation is
 * an EXISTS column of the same query, so a page of users costs one query, not one per user.
 * These are the hottest reads of the API: they go through a RowReader (cached SQL, no entity
 * hydration).
 */
@Injectable()
export class UserDirectory {
  private readonly reader: RowReader<User, PublicColumn>;

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {
    this.reader = new RowReader(users, PUBLIC_COLUMNS);
  }

  /**
   * API.md §3.1 / §3.2: ordered by id, the caller excluded, paged. The page's ids are found
   * first in a derived table that reads only the narrow `IDX_users_verified_directory` index
   * (or the primary key), so skipping `offset` rows never touches their full rows; only the
   * page's own rows are then read, with their availability.
   */
  async list(query: DirectoryQuery): Promise<PublicUserRow[]> {
    if (query.page.limit === 0) return [];
    const searching = query.search !== '';
    const rows = await this.reader.query(
      `list:${query.verifiedOnly}:${searching}`,
      () => this.listStatement(query.verifiedOnly, searching),
      {
        accepted: RelationState.ACCEPTED,
        callerId: query.callerId,
        verified: true,
        pattern: likePattern(query.search),
        limit: query.page.limit,
        offset: query.page.offset,
      },
    );
    return rows.map((row) => this.publicUser(row));
  }

  async findById(id: number): Promise<PublicUserRow | null> {
    const [row] = await this.reader.query(
      'byId',
      () => this.withAvailability().where('u.id = :id').getQuery(),
      { accepted: RelationState.ACCEPTED, id },
    );
    return row ? this.publicUser(row) : null;
  }

  private listStatement(verifiedOnly: boolean, searching: boolean): string {
    const ids = this.users
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where('p.id <> :callerId')
      .orderBy('p.id', 'ASC');
    if (verifiedOnly) ids.andWhere('p.is_email_verified = :verified');
    if (searching) {
      ids.andWhere("(LOWER(p.name) LIKE :pattern ESCAPE '!' OR p.username_key LIKE :pattern ESCAPE '!')");
    }
    // LIMIT and OFFSET as parameters (the builder would write them into the SQL text).
    return this.withAvailability()
      .innerJoin(`(${ids.getQuery()} LIMIT :limit OFFSET :offset)`, 'page', 'page.id = u.id')
      .orderBy('u.id', 'ASC')
      .getQuery();
  }

  /**
   * Two EXISTS, one per side, so each is an index-only probe of (mentor_id, state) or
   * (mentee_id, state); a single `mentor_id = u.id OR mentee_id = u.id` makes MariaDB walk
   * every ACCEPTED relation for every listed user instead.
   */
  private withAvailability(): SelectQueryBuilder<User> {
    return this.reader
      .select('u')
      .addSelect(
        'CASE WHEN EXISTS (SELECT 1 FROM mentorship_relations r1 WHERE r1.mentor_id = u.id AND r1.state = :accepted) ' +
          'OR EXISTS (SELECT 1 FROM mentorship_relations r2 WHERE r2.mentee_id = u.id AND r2.state = :accepted) ' +
          'THEN 1 ELSE 0 END',
        'in_accepted',
      );
  }

  private publicUser(row: Record<string, unknown>): PublicUserRow {
    const user = this.reader.read(row);
    return { user, isAvailable: isAvailable(user, Number(row.in_accepted) === 1) };
  }
}
