import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC, REFRESH_TOKEN } from '@app/common';
import { createTestApp, TestApp } from '@app/testing';
import { isAdminOnly } from '../src/admin/admin.guard';
import { relationRoleOf } from '../src/mentorship/relation-role.guard';

/**
 * Every route of the app with the rule that guards it, read from the decorators themselves.
 * A change of any route's access rule changes this list, so it shows in review.
 * Rules: public · access token · refresh token · admin · relation <role> (access token, gate G,
 * then the caller's role in the relation named by the path).
 */
const EXPECTED = `
DELETE /mentorship_relation/:id  relation sender
DELETE /mentorship_relation/:relation_id/task/:task_id  relation participant
DELETE /mentorship_relation/:relation_id/task/:task_id/comment/:comment_id  relation participant
DELETE /user  access token
GET /admins  admin
GET /dashboard  access token
GET /health/live  public
GET /health/ready  public
GET /home  access token
GET /mentorship_relation/:relation_id/task/:task_id/comments  relation participant
GET /mentorship_relation/:relation_id/tasks  relation participant
GET /mentorship_relations  access token
GET /mentorship_relations/current  access token
GET /mentorship_relations/past  access token
GET /mentorship_relations/pending  access token
GET /user  access token
GET /user/confirm_email/:token  public
GET /users  access token
GET /users/:user_id  access token
GET /users/verified  access token
POST /admin/new  admin
POST /admin/remove  admin
POST /login  public
POST /mentorship_relation/:relation_id/task  relation participant
POST /mentorship_relation/:relation_id/task/:task_id/comment  relation participant
POST /mentorship_relation/send_request  access token
POST /refresh  refresh token
POST /register  public
POST /user/resend_email  public
PUT /mentorship_relation/:id/accept  relation receiver
PUT /mentorship_relation/:id/cancel  relation participant
PUT /mentorship_relation/:id/reject  relation receiver
PUT /mentorship_relation/:relation_id/task/:task_id/comment/:comment_id  relation participant
PUT /mentorship_relation/:relation_id/task/:task_id/complete  relation participant
PUT /user  access token
PUT /user/change_password  access token
`;

function join(...parts: (string | string[] | undefined)[]): string {
  const segments = parts
    .map((part) => ((Array.isArray(part) ? part[0] : part) ?? '').replace(/^\/+|\/+$/g, ''))
    .filter(Boolean);
  return `/${segments.join('/')}`;
}

describe('Route access rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists every route with its access rule', () => {
    const reflector = t.app.get(Reflector);
    const scanner = t.app.get(MetadataScanner, { strict: false });
    const lines: string[] = [];
    for (const wrapper of t.app.get(DiscoveryService, { strict: false }).getControllers()) {
      const controller = wrapper.metatype as new (...args: unknown[]) => object;
      if (!controller?.prototype) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, object>)[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const targets = [handler as () => void, controller];
        const role = relationRoleOf(reflector, handler);
        const rule = reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)
          ? 'public'
          : reflector.getAllAndOverride<boolean>(REFRESH_TOKEN, targets)
            ? 'refresh token'
            : isAdminOnly(reflector, handler)
              ? 'admin'
              : role
                ? `relation ${role}`
                : 'access token';
        lines.push(`${method} ${join(base, path)}  ${rule}`);
      }
    }
    expect(lines.sort().join('\n')).toBe(EXPECTED.trim());
  });
});
