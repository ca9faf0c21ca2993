import { jsonwebtoken } from './jsonwebtoken.js';
import { jose } from './jose.js';
import { nodeCrypto } from './node-crypto.js';
import type { LibraryModel } from './types.js';

export type { ApiModel, LibraryModel, Operation, OptionConcept, DurationSemantics, ArgRole } from './types.js';

/** Every modelled library, in order of use. Add a library by adding its model file here. */
export const libraries: readonly LibraryModel[] = [jsonwebtoken, jose, nodeCrypto];
