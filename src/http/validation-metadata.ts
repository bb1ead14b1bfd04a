import { getMetadataStorage, MetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

const remembered = new WeakSet<object>();

/**
 * class-validator looks up a class's rules at each validation: it filters the
 * class's list and tests the class against every other class that has rules
 * (for inherited ones), then groups them by property, on every request. The
 * rules are fixed once the DTO classes are loaded, so the answer is kept per
 * class, for the ValidationPipe's options (no groups, no `always`, no
 * `strictGroups`; any other call is passed on as it is). A rule added later
 * (a class loaded after start) forgets what was kept. Neither list is changed
 * by its readers (ValidationExecutor, Nest's ValidationPipe), so sharing it is safe.
 */
export function rememberValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (remembered.has(storage)) return;
  remembered.add(storage);
  const targetMetadatas = storage.getTargetValidationMetadatas.bind(storage);
  const groupByPropertyName = storage.groupByPropertyName.bind(storage);
  let byClass = new WeakMap<object, ValidationMetadata[]>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  const forget = () => {
    byClass = new WeakMap();
    grouped = new WeakMap();
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const usual = schema === undefined && !always && !strictGroups && (groups === undefined || groups.length === 0) && typeof target === 'function';
    if (!usual) return targetMetadatas(target, schema, always, strictGroups, groups);
    let found = byClass.get(target);
    if (!found) byClass.set(target, (found = targetMetadatas(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = groupByPropertyName(metadata)));
    return found;
  };
  for (const add of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const original = (storage[add] as (...args: unknown[]) => void).bind(storage);
    (storage as unknown as Record<string, unknown>)[add] = (...args: unknown[]) => {
      forget();
      original(...args);
    };
  }
}
