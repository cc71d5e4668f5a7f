import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, messageExample } from '@app/common';
import { DashboardResponse, HomeResponse } from './home.dto';
import { HomeService } from './home.service';
import { UsersMessages } from './users.messages';

const notFound = messageExample(UsersMessages.USER_NOT_FOUND);

@ApiTags('Users')
@ApiBearerAuth()
@Controller()
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @ApiOperation({ summary: "The caller's relation counters and latest achievements" })
  @ApiNotFoundResponse(notFound)
  @Get('home')
  stats(@CurrentUser() caller: AuthUser): Promise<HomeResponse> {
    return this.home.home(caller.id);
  }

  @ApiOperation({ summary: "All of the caller's relations by role, direction and state, and current tasks" })
  @ApiNotFoundResponse(notFound)
  @Get('dashboard')
  dashboard(@CurrentUser() caller: AuthUser): Promise<DashboardResponse> {
    return this.home.dashboard(caller.id);
  }
}
