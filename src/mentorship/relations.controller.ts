import { ApiAccountGate } from '../users/account-gate';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser, MessageResponse, messageOf } from '@app/common';
import { MentorshipMessages as M } from './mentorship.messages';
import { RelationRules } from './relation-access';
import { LoadedRelation, RelationRole } from './relation-role.guard';
import { RelationResponse, SendRequestDto } from './relation.dto';
import { RelationListsService } from './relation-lists.service';
import { parseRelationState } from './relation-state';
import { MentorshipRelation } from './relation.entity';
import { RelationsService } from './relations.service';

const INVALID_STATE = Symbol('invalid relation_state');

/** `relation_state` query value: absent or empty → all; a state name → that state (API.md §4.3). */
export function parseStateFilter(
  value: unknown,
): ReturnType<typeof parseRelationState> | typeof INVALID_STATE {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') return INVALID_STATE;
  return parseRelationState(value) ?? INVALID_STATE;
}

@ApiTags('Mentorship relations')
@ApiBearerAuth()
@ApiExtraModels(RelationResponse, MessageResponse)
@Controller()
export class RelationsController {
  constructor(
    private readonly relations: RelationsService,
    private readonly lists: RelationListsService,
  ) {}

  @ApiOperation({ summary: 'Send a mentorship request (API.md §4.2)' })
  @ApiBody({ type: SendRequestDto })
  @ApiCreatedResponse({ type: MessageResponse, example: messageOf(M.REQUEST_SENT) })
  @ApiBadRequestResponse({
    description: 'Missing field, bad ids or dates, users not available',
    example: messageOf(M.MIN_DURATION),
  })
  @ApiNotFoundResponse({
    description: `${M.MENTOR_NOT_FOUND} | ${M.MENTEE_NOT_FOUND}`,
    example: messageOf(M.MENTOR_NOT_FOUND),
  })
  @ApiForbiddenResponse({ example: messageOf(M.OTHER_NOT_VERIFIED) })
  @ApiConflictResponse({ example: messageOf(M.ALREADY_PENDING) })
  @Post('mentorship_relation/send_request')
  async send(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<MessageResponse> {
    await this.relations.send(user.id, body);
    return messageOf(M.REQUEST_SENT);
  }

  @ApiOperation({ summary: "The caller's relations, optionally of one state (API.md §4.3)" })
  @ApiQuery({
    name: 'relation_state',
    required: false,
    enum: ['PENDING', 'ACCEPTED', 'REJECTED', 'CANCELLED', 'COMPLETED'],
  })
  @ApiOkResponse({ type: [RelationResponse] })
  @ApiBadRequestResponse({ description: 'Unknown relation_state: the body is an empty array', example: [] })
  @ApiAccountGate()
  @Get('mentorship_relations')
  async all(
    @CurrentUser() user: AuthUser,
    @Query('relation_state') relationState: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RelationResponse[]> {
    const state = parseStateFilter(relationState);
    if (state === INVALID_STATE) {
      // Q28: the original answers 400 with `[]`, not a message; the error filter only writes messages.
      void reply.status(HttpStatus.BAD_REQUEST);
      return [];
    }
    return this.lists.all(user.id, state);
  }

  @ApiOperation({ summary: 'Relations whose end date has passed, any state (API.md §4.4)' })
  @ApiOkResponse({ type: [RelationResponse] })
  @ApiAccountGate()
  @Get('mentorship_relations/past')
  past(@CurrentUser() user: AuthUser): Promise<RelationResponse[]> {
    return this.lists.past(user.id);
  }

  @ApiOperation({ summary: 'The ACCEPTED relation, or a message when there is none (API.md §4.5)' })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(RelationResponse) }, { $ref: getSchemaPath(MessageResponse) }] },
    description: `A relation, or {"message": "${M.NO_CURRENT_RELATION}"}`,
  })
  @ApiAccountGate()
  @Get('mentorship_relations/current')
  current(@CurrentUser() user: AuthUser): Promise<RelationResponse | MessageResponse> {
    return this.lists.current(user.id);
  }

  @ApiOperation({ summary: 'Open requests, sent and received, not yet expired (API.md §4.6)' })
  @ApiOkResponse({ type: [RelationResponse] })
  @ApiAccountGate()
  @Get('mentorship_relations/pending')
  pending(@CurrentUser() user: AuthUser): Promise<RelationResponse[]> {
    return this.lists.pending(user.id);
  }

  @ApiOperation({ summary: 'Accept a request sent to you (API.md §4.7)' })
  @ApiOkResponse({ type: MessageResponse, example: messageOf(M.ACCEPTED) })
  @ApiBadRequestResponse({ example: messageOf(M.MENTOR_IN_RELATION) })
  @RelationRole('receiver', RelationRules.accept)
  @Put('mentorship_relation/:id/accept')
  async accept(
    @CurrentUser() user: AuthUser,
    @LoadedRelation() relation: MentorshipRelation,
  ): Promise<MessageResponse> {
    await this.relations.accept(user.id, relation);
    return messageOf(M.ACCEPTED);
  }

  @ApiOperation({ summary: 'Reject a request sent to you (API.md §4.8)' })
  @ApiOkResponse({ type: MessageResponse, example: messageOf(M.REJECTED) })
  @RelationRole('receiver', RelationRules.reject)
  @Put('mentorship_relation/:id/reject')
  async reject(
    @CurrentUser() user: AuthUser,
    @LoadedRelation() relation: MentorshipRelation,
  ): Promise<MessageResponse> {
    await this.relations.reject(user.id, relation);
    return messageOf(M.REJECTED);
  }

  @ApiOperation({ summary: 'Cancel an accepted relation you are part of (API.md §4.9)' })
  @ApiOkResponse({ type: MessageResponse, example: messageOf(M.CANCELLED) })
  @RelationRole('participant', RelationRules.cancel)
  @Put('mentorship_relation/:id/cancel')
  async cancel(
    @CurrentUser() user: AuthUser,
    @LoadedRelation() relation: MentorshipRelation,
  ): Promise<MessageResponse> {
    await this.relations.cancel(user.id, relation);
    return messageOf(M.CANCELLED);
  }

  @ApiOperation({ summary: 'Delete a pending request you sent (API.md §4.10)' })
  @ApiOkResponse({ type: MessageResponse, example: messageOf(M.DELETED) })
  @RelationRole('sender', RelationRules.delete)
  @HttpCode(HttpStatus.OK)
  @Delete('mentorship_relation/:id')
  async delete(
    @CurrentUser() user: AuthUser,
    @LoadedRelation() relation: MentorshipRelation,
  ): Promise<MessageResponse> {
    await this.relations.delete(user.id, relation);
    return messageOf(M.DELETED);
  }
}
