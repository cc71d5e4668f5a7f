import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Page } from '@app/common';
import { RelationState } from '../mentorship/relation-state';
import { isAvailable } from './availability';
import { User } from './user.entity';

export interface PublicUserRow {
  user: User;
  isAvailable: boolean;
}

export interface DirectoryQuery {
  callerId: number;
  search: string;
  page: Page;
  verifiedOnly: boolean;
}

/**
 * What PublicUser (and the gate of GET /users/{id}) needs: hydrating only these, not all of a
 * user's columns (hash and private profile included), is most of a member page's cost.
 */
const PUBLIC_COLUMNS: (keyof User)[] = [
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
];

/** `%`, `_` and the escape character itself, escaped for `LIKE … ESCAPE '!'`. */
function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

/**
 * Member look-ups for the PublicUser shape. Whether each user is in an ACCEPTED relation is
 * an EXISTS column of the same query, so a page of users costs one query, not one per user.
 */
@Injectable()
export class UserDirectory {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /**
   * API.md §3.1 / §3.2: ordered by id, the caller excluded, paged. The page's ids are found
   * first in a derived table that reads only the narrow `IDX_users_verified_directory` index
   * (or the primary key), so skipping `offset` rows never touches their full rows; only the
   * page's own rows are then read, with their availability.
   */
  async list(query: DirectoryQuery): Promise<PublicUserRow[]> {
    if (query.page.limit === 0) return [];
    const ids = this.users
      .createQueryBuilder()
      .subQuery()
      .select('p.id', 'id')
      .from(User, 'p')
      .where('p.id <> :callerId')
      .orderBy('p.id', 'ASC')
      .offset(query.page.offset)
      .limit(query.page.limit);
    if (query.verifiedOnly) ids.andWhere('p.is_email_verified = :verified');
    if (query.search !== '') {
      ids.andWhere("(LOWER(p.name) LIKE :pattern ESCAPE '!' OR p.username_key LIKE :pattern ESCAPE '!')");
    }
    const builder = this.withAvailability()
      .innerJoin(ids.getQuery(), 'page', 'page.id = u.id')
      .setParameters({ callerId: query.callerId, verified: true, pattern: likePattern(query.search) })
      .orderBy('u.id', 'ASC');
    return this.rows(builder);
  }

  async findById(id: number): Promise<PublicUserRow | null> {
    const [row] = await this.rows(this.withAvailability().where('u.id = :id', { id }));
    return row ?? null;
  }

  /**
   * Two EXISTS, one per side, so each is an index-only probe of (mentor_id, state) or
   * (mentee_id, state); a single `mentor_id = u.id OR mentee_id = u.id` makes MariaDB walk
   * every ACCEPTED relation for every listed user instead.
   */
  private withAvailability(): SelectQueryBuilder<User> {
    return this.users
      .createQueryBuilder('u')
      .select(PUBLIC_COLUMNS.map((column) => `u.${column}`))
      .addSelect(
        'CASE WHEN EXISTS (SELECT 1 FROM mentorship_relations r1 WHERE r1.mentor_id = u.id AND r1.state = :accepted) ' +
          'OR EXISTS (SELECT 1 FROM mentorship_relations r2 WHERE r2.mentee_id = u.id AND r2.state = :accepted) ' +
          'THEN 1 ELSE 0 END',
        'in_accepted',
      )
      .setParameter('accepted', RelationState.ACCEPTED);
  }

  private async rows(builder: SelectQueryBuilder<User>): Promise<PublicUserRow[]> {
    const { entities, raw } = await builder.getRawAndEntities<{
      u_id: number | string;
      in_accepted: unknown;
    }>();
    const busy = new Map(raw.map((row) => [Number(row.u_id), Number(row.in_accepted) === 1]));
    return entities.map((user) => ({ user, isAvailable: isAvailable(user, busy.get(user.id) ?? false) }));
  }
}
