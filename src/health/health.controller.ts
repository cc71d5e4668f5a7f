import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiError, messageExample, Public } from '@app/common';

export const DATABASE_UNREACHABLE = 'The database is not reachable.';

@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** Liveness: the process is up and serving HTTP. */
  @ApiOperation({ summary: 'Liveness probe' })
  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers. */
  @ApiOperation({ summary: 'Readiness probe (pings the database)' })
  @ApiServiceUnavailableResponse(messageExample(DATABASE_UNREACHABLE))
  @Get('ready')
  async ready(): Promise<{ status: string }> {
    try {
      await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
      return { status: 'ok' };
    } catch {
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNREACHABLE);
    }
  }
}
