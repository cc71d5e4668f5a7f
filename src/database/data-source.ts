import { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { dataSourceOptions } from './data-source.options';

/**
 * Entry point of the TypeORM CLI (`npm run migration:*`). Reads the same environment as the
 * app; use a `mariadb://` URL for MariaDB so schema diffs are exact (DEPS.md §1.5).
 */
export default new DataSource(dataSourceOptions(loadConfig().database));
