import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { CommonModule, SchemaBodyGuard } from '@app/common';
import { AuthCoreModule } from './auth/auth-core.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { ConfigModule } from './config';
import { DatabaseModule } from './database/database.module';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging.module';
import { MailModule } from './mail/mail.module';
import { MentorshipModule } from './mentorship/mentorship.module';
import { TasksModule } from './tasks/tasks.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    CommonModule,
    DatabaseModule,
    ScheduleModule.forRoot(),
    AuthCoreModule,
    MailModule,
    AuthModule,
    UsersModule,
    MentorshipModule,
    TasksModule,
    AdminModule,
    HealthModule,
  ],
  providers: [
    // Order matters: the four schema-validated endpoints check their body before the token (API.md Q9).
    { provide: APP_GUARD, useClass: SchemaBodyGuard },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
})
export class AppModule {}
