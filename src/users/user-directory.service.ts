import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Page } from '@app/common';
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

export type PublicUserFields = Pick<User, (typeof PUBLIC_COLUMNS)[number]>;

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
 *
 * These are the hottest reads of the API (issue 7), so each statement's SQL is generated from
 * the entity metadata once, on first use, and only its parameters change per request; rows
 * are converted column by column with the driver's own conversions (the same ones entity
 * hydration applies, so MariaDB and SQLite give the same values) instead of being hydrated
 * into entities. Building the query and hydrating it was a third of a member page's CPU.
 */
@Injectable()
export class UserDirectory {
  private readonly statements = new Map<string, string>();
  private readonly columns: [keyof PublicUserFields, ColumnMetadata][];

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {
    this.columns = PUBLIC_COLUMNS.map((property) => {
      const column = users.metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`User has no column ${property}`);
      return [property, column];
    });
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
    const sql = this.statement(`list:${query.verifiedOnly}:${searching}`, () =>
      this.listStatement(query.verifiedOnly, searching),
    );
    return this.rows(sql, {
      accepted: RelationState.ACCEPTED,
      callerId: query.callerId,
      verified: true,
      pattern: likePattern(query.search),
      limit: query.page.limit,
      offset: query.page.offset,
    });
  }

  async findById(id: number): Promise<PublicUserRow | null> {
    const sql = this.statement('byId', () => this.withAvailability().where('u.id = :id').getQuery());
    const [row] = await this.rows(sql, { accepted: RelationState.ACCEPTED, id });
    return row ?? null;
  }

  private statement(key: string, build: () => string): string {
    let sql = this.statements.get(key);
    if (sql === undefined) {
      sql = build();
      this.statements.set(key, sql);
    }
    return sql;
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
    const builder = this.users.createQueryBuilder('u').select([]);
    for (const [property] of this.columns) builder.addSelect(`u.${property}`, property);
    return builder.addSelect(
      'CASE WHEN EXISTS (SELECT 1 FROM mentorship_relations r1 WHERE r1.mentor_id = u.id AND r1.state = :accepted) ' +
        'OR EXISTS (SELECT 1 FROM mentorship_relations r2 WHERE r2.mentee_id = u.id AND r2.state = :accepted) ' +
        'THEN 1 ELSE 0 END',
      'in_accepted',
    );
  }

  private async rows(sql: string, parameters: Record<string, unknown>): Promise<PublicUserRow[]> {
    const driver = this.users.manager.connection.driver;
    const [text, values] = driver.escapeQueryWithParameters(sql, parameters);
    const raw = await this.users.query<Record<string, unknown>[]>(text, values);
    return raw.map((row) => {
      const user = {} as Record<keyof PublicUserFields, unknown>;
      for (const [property, column] of this.columns) {
        user[property] = driver.prepareHydratedValue(row[property], column);
      }
      const fields = user as PublicUserFields;
      return { user: fields, isAvailable: isAvailable(fields, Number(row.in_accepted) === 1) };
    });
  }
}
