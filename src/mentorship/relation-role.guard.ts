import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  HttpStatus,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiError, AuthUser, CommonMessages, IdPipe, messageExample } from '@app/common';
import { AccountGate } from '../users/account-gate';
import { checkDenial, RelationCheck, RelationRoleName, RelationRule } from './relation-access';
import { MentorshipRelation } from './relation.entity';

const RELATION_ROLE = 'relation:role';

interface RelationRoleMeta {
  role: RelationRoleName;
  rule: RelationRule;
}

/** The request as the guard sees it; `relation` is set for the handler once access is granted. */
export interface RelationRequest {
  user: AuthUser;
  params: Record<string, string>;
  body?: unknown;
  relation?: MentorshipRelation;
  [key: string]: unknown;
}

function roleMessages(check: RelationCheck): { status: HttpStatus; message: string }[] {
  if (check.kind === 'state') return [check.denial];
  if (check.kind === 'role')
    return [check.denials.sender, check.denials.other].filter((d) => d !== undefined);
  return [];
}

/** Swagger: one documented response per status, listing that status's exact messages. */
function documentedDenials(rule: RelationRule): MethodDecorator[] {
  const byStatus = new Map<number, string[]>([
    [HttpStatus.NOT_FOUND, [CommonMessages.USER_DOES_NOT_EXIST, rule.notFound]],
    [HttpStatus.FORBIDDEN, [CommonMessages.EMAIL_NOT_VERIFIED]],
  ]);
  for (const denial of rule.checks.flatMap(roleMessages)) {
    byStatus.set(denial.status, [...(byStatus.get(denial.status) ?? []), denial.message]);
  }
  return [...byStatus].map(([status, messages]) =>
    ApiResponse({
      status,
      description: messages.join(' | '),
      ...messageExample(messages[messages.length - 1]),
    }),
  );
}

/**
 * The one access decorator for relation-scoped endpoints: the caller must hold `role` in the
 * relation named by `rule.param`, checked at the place `rule.checks` gives it among the
 * endpoint's other checks. The handler gets the loaded relation through @LoadedRelation().
 */
export function RelationRole(role: RelationRoleName, rule: RelationRule): MethodDecorator {
  if (!rule.checks.some((check) => check.kind === 'role')) {
    throw new Error(`RelationRole(${role}): the rule must say where the role is checked`);
  }
  return applyDecorators(
    SetMetadata(RELATION_ROLE, { role, rule } satisfies RelationRoleMeta),
    UseGuards(RelationRoleGuard),
    ApiBearerAuth(),
    ...documentedDenials(rule),
  );
}

/**
 * Runs after the global JWT guard, so the caller id is known. Order: path ids (a non-id is an
 * unknown route), the rule's pre-gate body checks, gate G, the relation (404), then each
 * check of the rule in order — the first failure answers.
 */
@Injectable()
export class RelationRoleGuard implements CanActivate {
  private readonly idPipe = new IdPipe();

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly gate: AccountGate,
    @InjectRepository(MentorshipRelation) private readonly relations: Repository<MentorshipRelation>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.get<RelationRoleMeta | undefined>(RELATION_ROLE, context.getHandler());
    if (!meta) return true;
    const { role, rule } = meta;
    const request = context.switchToHttp().getRequest<RelationRequest>();
    // Every path parameter of these routes is an id; IdPipe would only run after the guard.
    for (const value of Object.values(request.params)) this.idPipe.transform(value);
    const relationId = this.idPipe.transform(request.params[rule.param]);

    const bodyDenial = rule.body?.(request.body);
    if (bodyDenial) throw new ApiError(bodyDenial.status, bodyDenial.message);

    await this.gate.require(request.user.id);
    const relation = await this.relations.findOneBy({ id: relationId });
    if (!relation) throw new ApiError(HttpStatus.NOT_FOUND, rule.notFound);

    for (const check of rule.checks) {
      if (check.kind === 'load') {
        await this.moduleRef.get(check.loader, { strict: false }).load(relation.id, request);
        continue;
      }
      const denial = checkDenial(check, role, relation, request.user.id);
      if (denial) throw new ApiError(denial.status, denial.message);
    }
    request.relation = relation;
    return true;
  }
}

/** The relation RelationRoleGuard loaded and authorised for this request. */
export const LoadedRelation = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): MentorshipRelation => {
    const relation = ctx.switchToHttp().getRequest<RelationRequest>().relation;
    if (!relation) throw new Error('LoadedRelation used on a route without @RelationRole()');
    return relation;
  },
);

/** The relation role a handler requires, if any: lets the route-access listing name each route's rule. */
export function relationRoleOf(reflector: Reflector, handler: object): RelationRoleName | undefined {
  return reflector.get<RelationRoleMeta | undefined>(RELATION_ROLE, handler as () => void)?.role;
}
