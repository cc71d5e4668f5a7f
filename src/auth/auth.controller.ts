import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  AuthUser,
  CommonMessages,
  CurrentUser,
  messageExample,
  MessageResponse,
  Public,
  RefreshTokenRoute,
  SchemaBody,
} from '@app/common';
import { AuthMessages } from './auth.messages';
import { LoginDto, LoginResponse, RefreshResponse, RegisterDto, ResendEmailDto } from './auth.dto';
import { AuthService } from './auth.service';

const rateLimited = {
  description: 'AUTH_RATE_LIMIT exceeded; see Retry-After',
  ...messageExample(CommonMessages.TOO_MANY_REQUESTS),
};

@ApiTags('Auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({ summary: 'Create a user account and send the confirmation email' })
  @ApiConflictResponse(messageExample(AuthMessages.USERNAME_EXISTS))
  @ApiTooManyRequestsResponse(rateLimited)
  @Public()
  @UseGuards(ThrottlerGuard)
  @SchemaBody(RegisterDto)
  @Post('register')
  register(@Body() body: RegisterDto): Promise<MessageResponse> {
    return this.auth.register(body);
  }

  @ApiOperation({ summary: 'Confirm an email address with the token from the confirmation link' })
  @ApiBadRequestResponse(messageExample(AuthMessages.CONFIRMATION_INVALID))
  @Public()
  @Get('user/confirm_email/:token')
  confirmEmail(@Param('token') token: string): Promise<MessageResponse> {
    return this.auth.confirmEmail(token);
  }

  @ApiOperation({ summary: 'Send a new confirmation email' })
  @ApiBody({ type: ResendEmailDto })
  @ApiBadRequestResponse(messageExample(AuthMessages.EMAIL_MISSING))
  @ApiNotFoundResponse(messageExample(AuthMessages.NOT_REGISTERED))
  @ApiConflictResponse(messageExample(AuthMessages.ALREADY_VERIFIED))
  @Public()
  @HttpCode(HttpStatus.OK)
  @Post('user/resend_email')
  resendEmail(@Body() body: unknown): Promise<MessageResponse> {
    return this.auth.resendConfirmation(body);
  }

  @ApiOperation({ summary: 'Log in with username or email; returns access and refresh tokens' })
  @ApiBody({ type: LoginDto })
  @ApiBadRequestResponse(messageExample(AuthMessages.USERNAME_MISSING))
  @ApiUnauthorizedResponse(messageExample(AuthMessages.WRONG_CREDENTIALS))
  @ApiForbiddenResponse(messageExample(CommonMessages.EMAIL_NOT_VERIFIED))
  @ApiTooManyRequestsResponse(rateLimited)
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Post('login')
  login(@Body() body: unknown, @Ip() clientIp: string): Promise<LoginResponse> {
    return this.auth.login(body, clientIp);
  }

  @ApiOperation({ summary: 'Exchange a refresh token for a new access token' })
  @ApiBearerAuth()
  @ApiUnauthorizedResponse(messageExample(CommonMessages.TOKEN_INVALID))
  @RefreshTokenRoute()
  @HttpCode(HttpStatus.OK)
  @Post('refresh')
  refresh(@CurrentUser() caller: AuthUser): Promise<RefreshResponse> {
    return this.auth.refresh(caller.id);
  }
}
