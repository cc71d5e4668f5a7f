import {
  applyDecorators,
  BadRequestException,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBadRequestResponse, ApiBody } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { CommonMessages } from './messages';
import { pythonRepr } from './python-repr';

const SCHEMA_BODY = 'request:schema-body';

/** class-validator constraint → the JSON-schema type name the original reports. */
const TYPE_OF_CONSTRAINT: Record<string, string> = {
  isString: 'string',
  isBoolean: 'boolean',
  isInt: 'integer',
};

export type SchemaErrors = Record<string, string>;

/**
 * Checks `body` against a DTO's class-validator decorators and words each failure the way
 * flask-restx/jsonschema did (API.md §10.3). Only presence and JSON type are schema
 * concerns; the endpoint's own rules (lengths, regexes) come after, with their own messages.
 */
export async function schemaErrors(dto: Type, body: unknown): Promise<SchemaErrors | null> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { '': `${pythonRepr(body)} is not of type 'object'` };
  }
  const fields = body as Record<string, unknown>;
  const failures: ValidationError[] = await validate(plainToInstance(dto, fields) as object);
  if (failures.length === 0) return null;
  const errors: SchemaErrors = {};
  for (const failure of failures) {
    const property = failure.property;
    if (!(property in fields)) {
      errors[property] = `'${property}' is a required property`;
      continue;
    }
    const constraint = Object.keys(failure.constraints ?? {}).find((name) => name in TYPE_OF_CONSTRAINT);
    const type = constraint ? TYPE_OF_CONSTRAINT[constraint] : 'object';
    errors[property] = `${pythonRepr(fields[property])} is not of type '${type}'`;
  }
  return errors;
}

/**
 * Marks an endpoint as schema-validated (API.md §10.3): the body is checked before anything
 * else, even before the token (Q9). The check itself runs in SchemaBodyGuard, which is
 * registered ahead of the JWT guard.
 */
export const SchemaBody = (dto: Type): MethodDecorator =>
  applyDecorators(
    SetMetadata(SCHEMA_BODY, dto),
    ApiBody({ type: dto }),
    ApiBadRequestResponse({
      description: 'Body does not match the schema',
      schema: {
        example: {
          errors: { field: "'field' is a required property" },
          message: CommonMessages.SCHEMA_VALIDATION_FAILED,
        },
      },
    }),
  );

@Injectable()
export class SchemaBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const dto = this.reflector.get<Type | undefined>(SCHEMA_BODY, context.getHandler());
    if (!dto) return true;
    const request = context.switchToHttp().getRequest<{ body?: unknown }>();
    const errors = await schemaErrors(dto, request.body);
    if (errors) throw new BadRequestException({ errors, message: CommonMessages.SCHEMA_VALIDATION_FAILED });
    return true;
  }
}
