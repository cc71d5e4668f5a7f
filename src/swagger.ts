import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CommonMessages } from '@app/common';

type Operation = {
  security?: unknown[];
  responses: Record<string, { description?: string; content?: unknown }>;
};

const TOKEN_ERRORS = [
  CommonMessages.TOKEN_MISSING,
  CommonMessages.TOKEN_INVALID,
  CommonMessages.TOKEN_EXPIRED,
];

/**
 * Every route behind the global JWT guard can answer the guard's three 401s (API.md §10.2).
 * The guard is global, so its responses are documented here once, for each operation that
 * requires the bearer token, merged with any 401 the route documents itself.
 */
export function documentTokenErrors(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, Operation>)) {
      if (!operation?.security?.length) continue;
      const own = operation.responses['401'];
      const examples = Object.fromEntries(
        TOKEN_ERRORS.map((message, index) => [`token${index + 1}`, { value: { message } }]),
      );
      operation.responses['401'] = {
        description: [own?.description, ...TOKEN_ERRORS].filter(Boolean).join(' | '),
        content: own?.content ?? { 'application/json': { examples } },
      };
    }
  }
  return document;
}

export function setupSwagger(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Mentorship System API')
      .setDescription(
        'Backend of the AnitaB.org Mentorship System. Log in with POST /login, then press ' +
          '"Authorize" and paste the access_token to call protected routes.',
      )
      .setVersion('1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, documentTokenErrors(document), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
