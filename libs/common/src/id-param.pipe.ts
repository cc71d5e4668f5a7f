import { Param, PipeTransform } from '@nestjs/common';
import { RouteNotFoundError } from './api-error';

const DECIMAL = /^\d+$/;
const MAX_ID = 2 ** 31 - 1;

/**
 * Path ids are non-negative decimal integers; anything else does not match a route
 * (API.md §10.5). Ids beyond the database's INT range cannot exist, so they simply
 * fail the endpoint's own look-up (value becomes -1, which no row has).
 */
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!DECIMAL.test(value)) throw new RouteNotFoundError();
    const id = Number(value);
    return id > MAX_ID ? -1 : id;
  }
}

export const IdParam = (name: string): ParameterDecorator => Param(name, new IdPipe());
