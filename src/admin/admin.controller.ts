import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, messageExample, MessageResponse, SchemaBody } from '@app/common';
import { AdminOnly } from './admin.guard';
import { AdminTargetDto, AdminUserResponse } from './admin.dto';
import { AdminMessages } from './admin.messages';
import { AdminService } from './admin.service';

@ApiTags('Admin')
@Controller()
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @ApiOperation({ summary: 'Make another user an admin' })
  @SchemaBody(AdminTargetDto)
  @AdminOnly(AdminMessages.CANNOT_ASSIGN)
  @ApiOkResponse(messageExample(AdminMessages.NOW_ADMIN))
  @ApiBadRequestResponse(messageExample(AdminMessages.ALREADY_ADMIN))
  @HttpCode(HttpStatus.OK)
  @Post('admin/new')
  assign(@CurrentUser() caller: AuthUser, @Body() body: AdminTargetDto): Promise<MessageResponse> {
    return this.admin.assign(caller.id, body.user_id);
  }

  @ApiOperation({ summary: "Revoke a user's admin status" })
  @SchemaBody(AdminTargetDto)
  @AdminOnly(AdminMessages.CANNOT_REVOKE)
  @ApiOkResponse(messageExample(AdminMessages.REVOKED))
  @ApiBadRequestResponse(messageExample(AdminMessages.NOT_ADMIN))
  @HttpCode(HttpStatus.OK)
  @Post('admin/remove')
  revoke(@CurrentUser() caller: AuthUser, @Body() body: AdminTargetDto): Promise<MessageResponse> {
    return this.admin.revoke(caller.id, body.user_id);
  }

  @ApiOperation({ summary: 'List the other admins' })
  @AdminOnly(AdminMessages.NOT_ADMIN)
  @ApiOkResponse({ type: [AdminUserResponse] })
  @Get('admins')
  list(@CurrentUser() caller: AuthUser): Promise<AdminUserResponse[]> {
    return this.admin.otherAdmins(caller.id);
  }
}
