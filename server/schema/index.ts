/** The data model: vocabulary, normalisers, grading, provenance, entity and link schemas, record validation. */
export * from './entities/index.ts';
export { checkPropertyKey, ExtraValueSchema, SAFE_KEY } from './extras.ts';
export * from './grading.ts';
export { deriveEntityId, deriveLinkId, ENTITY_KEY_FIELDS, type LinkKey } from './keys.ts';
export * from './links.ts';
export * from './model.ts';
export * from './normalise/index.ts';
export * from './provenance.ts';
export * from './records.ts';
