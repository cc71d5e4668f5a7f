import type { FastifyInstance } from 'fastify';
import secureJsonParse from 'secure-json-parse';
import { ApiError } from './api-error';
import { CommonMessages } from './messages';

/**
 * Request bodies as API.md §10.4 wants them:
 * - valid JSON → the parsed value (prototype-poisoning keys dropped);
 * - invalid JSON → 400 with the original's "browser (or proxy)" message;
 * - empty body, or any non-JSON content type → no body at all, so each endpoint answers its
 *   own "field is missing" (or the §10.3 "None is not of type 'object'").
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parseJson = (
    _request: unknown,
    raw: string | Buffer,
    done: (error: Error | null, body?: unknown) => void,
  ) => {
    const text = typeof raw === 'string' ? raw : raw.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    let body: unknown;
    try {
      body = secureJsonParse.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' });
    } catch {
      return done(new ApiError(400, CommonMessages.BAD_REQUEST));
    }
    done(null, body);
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  fastify.addContentTypeParser(/^application\/[\w.+-]*\+json$/, { parseAs: 'string' }, parseJson);
  fastify.addContentTypeParser('*', (_request, payload, done) => {
    // Drain and discard: the contract treats a non-JSON body as absent.
    payload.on('data', () => undefined);
    payload.on('end', () => done(null, undefined));
    payload.on('error', (error) => done(error, undefined));
  });
}
