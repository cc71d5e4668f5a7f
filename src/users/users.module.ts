import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MentorshipRelation } from '../mentorship/relation.entity';
import { Task } from '../tasks/task.entity';
import { AccountGate } from './account-gate';
import { DeleteUnverifiedUsersJob } from './delete-unverified-users.job';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';
import { Passwords } from './passwords';
import { UserDeletion } from './user-deletion';
import { UserDirectory } from './user-directory.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** /users, /user, /home, /dashboard and the unverified-user cleanup (API.md §3, §8.2). */
@Module({
  // Relations and tasks are read here directly: MentorshipModule imports this module.
  imports: [TypeOrmModule.forFeature([User, MentorshipRelation, Task])],
  controllers: [UsersController, HomeController],
  providers: [
    AccountGate,
    UserDirectory,
    UserDeletion,
    UsersService,
    HomeService,
    DeleteUnverifiedUsersJob,
    Passwords,
  ],
  exports: [AccountGate, UserDeletion, Passwords, TypeOrmModule],
})
export class UsersModule {}
