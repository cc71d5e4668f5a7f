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

  /** API.md §3.1 / §3.2: ordered by id, the caller excluded, paged. */
  async list(query: DirectoryQuery): Promise<PublicUserRow[]> {
    if (query.page.limit === 0) return [];
    const builder = this.withAvailability()
      .where('u.id <> :callerId', { callerId: query.callerId })
      .orderBy('u.id', 'ASC')
      .offset(query.page.offset)
      .limit(query.page.limit);
    if (query.verifiedOnly) builder.andWhere('u.isEmailVerified = :verified', { verified: true });
    if (query.search !== '') {
      builder.andWhere("(LOWER(u.name) LIKE :pattern ESCAPE '!' OR u.usernameKey LIKE :pattern ESCAPE '!')", {
        pattern: likePattern(query.search),
      });
    }
    return this.rows(builder);
  }

  async findById(id: number): Promise<PublicUserRow | null> {
    const [row] = await this.rows(this.withAvailability().where('u.id = :id', { id }));
    return row ?? null;
  }

  private withAvailability(): SelectQueryBuilder<User> {
    return this.users
      .createQueryBuilder('u')
      .addSelect(
        'CASE WHEN EXISTS (SELECT 1 FROM mentorship_relations r WHERE r.state = :accepted ' +
          'AND (r.mentor_id = u.id OR r.mentee_id = u.id)) THEN 1 ELSE 0 END',
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
