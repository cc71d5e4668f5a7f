import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  AuthUser,
  CommonMessages,
  CurrentUser,
  IdParam,
  messageExample,
  MessageResponse,
  parsePage,
  SchemaBody,
} from '@app/common';
import { ChangePasswordDto, PrivateUserResponse, PublicUserResponse, UpdateProfileDto } from './user.dto';
import { ApiAccountGate } from './account-gate';
import { MemberListFilter, UsersService } from './users.service';
import { UsersMessages } from './users.messages';

/** Query strings arrive as strings, arrays (repeated keys) or not at all; §3.1 defaults the rest. */
type MemberListQuery = Record<'search' | 'page' | 'per_page', unknown>;

function memberListFilter(query: MemberListQuery, verifiedOnly: boolean): MemberListFilter {
  return {
    search: typeof query.search === 'string' ? query.search : '',
    page: parsePage(query.page, query.per_page),
    verifiedOnly,
  };
}

const ListQueries = () =>
  applyDecorators(
    ApiQuery({
      name: 'search',
      required: false,
      type: String,
      description: 'Case-insensitive substring of name or username',
    }),
    ApiQuery({ name: 'page', required: false, type: Number, description: 'From 1; default 1' }),
    ApiQuery({
      name: 'per_page',
      required: false,
      type: Number,
      description: 'Default 10, at most 50; 0 gives an empty page, a negative value 20',
    }),
  );

@ApiTags('Users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({ summary: 'List other users (verified or not), paged and searchable' })
  @ApiOkResponse({ type: [PublicUserResponse] })
  @ListQueries()
  @Get('users')
  list(@CurrentUser() caller: AuthUser, @Query() query: MemberListQuery): Promise<PublicUserResponse[]> {
    return this.users.list(caller.id, memberListFilter(query, false));
  }

  @ApiOperation({ summary: 'List other verified users, paged and searchable' })
  @ApiOkResponse({ type: [PublicUserResponse] })
  @ListQueries()
  @Get('users/verified')
  listVerified(
    @CurrentUser() caller: AuthUser,
    @Query() query: MemberListQuery,
  ): Promise<PublicUserResponse[]> {
    return this.users.list(caller.id, memberListFilter(query, true));
  }

  @ApiOperation({ summary: "Another user's public profile" })
  @ApiNotFoundResponse(messageExample(CommonMessages.USER_DOES_NOT_EXIST))
  @ApiForbiddenResponse(messageExample(CommonMessages.EMAIL_NOT_VERIFIED))
  @Get('users/:user_id')
  findOne(@IdParam('user_id') userId: number): Promise<PublicUserResponse> {
    return this.users.findPublic(userId);
  }

  @ApiOperation({ summary: "The caller's own profile" })
  @ApiAccountGate()
  @Get('user')
  me(@CurrentUser() caller: AuthUser): Promise<PrivateUserResponse> {
    return this.users.me(caller.id);
  }

  @ApiOperation({ summary: "Update the caller's profile" })
  @ApiBody({ type: UpdateProfileDto })
  @ApiBadRequestResponse(messageExample(UsersMessages.NO_UPDATE_DATA))
  @ApiAccountGate()
  @Put('user')
  update(@CurrentUser() caller: AuthUser, @Body() body: unknown): Promise<MessageResponse> {
    return this.users.update(caller.id, body);
  }

  @ApiOperation({ summary: "Delete the caller's account" })
  @ApiBadRequestResponse(messageExample(UsersMessages.ONLY_ADMIN_LEFT))
  @ApiAccountGate()
  @Delete('user')
  remove(@CurrentUser() caller: AuthUser): Promise<MessageResponse> {
    return this.users.deleteAccount(caller.id);
  }

  @ApiOperation({ summary: "Change the caller's password" })
  @ApiCreatedResponse({ type: MessageResponse })
  @SchemaBody(ChangePasswordDto)
  @HttpCode(HttpStatus.CREATED)
  @ApiAccountGate()
  @Put('user/change_password')
  changePassword(@CurrentUser() caller: AuthUser, @Body() body: ChangePasswordDto): Promise<MessageResponse> {
    return this.users.changePassword(caller.id, body);
  }
}
