import { InitialSchema1764806400000 } from './1764806400000-InitialSchema';
import { DirectoryIndex1767225600000 } from './1767225600000-DirectoryIndex';

/** Explicit list, not a glob: works the same under ts-node, jest and the bundle (DEPS.md §3.2). */
export const MIGRATIONS = [InitialSchema1764806400000, DirectoryIndex1767225600000];
