import { createHash } from 'node:crypto';
import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

const MAX_IDENTIFIER = 63;

export function snakeCase(value: string): string {
  return value
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase();
}

function tableNameOf(tableOrName: Table | string): string {
  const name = typeof tableOrName === 'string' ? tableOrName : tableOrName.name;
  return name.split('.').pop() as string;
}

/** Readable, deterministic constraint names, shortened with a hash only when PostgreSQL's limit requires it. */
function constraintName(prefix: string, table: string, columns: string[], salt = ''): string {
  const name = `${prefix}_${table}_${columns.join('_')}`;
  if (name.length <= MAX_IDENTIFIER && salt === '') return name;
  const hash = createHash('sha1').update(`${name}|${salt}`).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER - 9)}_${hash}`;
}

/** snake_case tables and columns, and names like fk_services_organisation_id for constraints. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return userSpecifiedName ?? snakeCase(targetName);
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snakeCase([...prefixes, customName ?? propertyName].join('_'));
  }

  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override joinTableName(firstTableName: string, secondTableName: string): string {
    return `${firstTableName}_${secondTableName}`;
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snakeCase(`${tableName}_${columnName ?? propertyName}`);
  }

  override primaryKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return constraintName('pk', tableNameOf(tableOrName), columnNames);
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return constraintName('uq', tableNameOf(tableOrName), columnNames);
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return constraintName('fk', tableNameOf(tableOrName), columnNames);
  }

  override relationConstraintName(tableOrName: Table | string, columnNames: string[], where?: string): string {
    return constraintName('rel', tableNameOf(tableOrName), columnNames, where ?? '');
  }

  override indexName(tableOrName: Table | string, columnNames: string[], where?: string): string {
    return constraintName('idx', tableNameOf(tableOrName), columnNames, where ?? '');
  }

  override defaultConstraintName(tableOrName: Table | string, columnName: string): string {
    return constraintName('df', tableNameOf(tableOrName), [columnName]);
  }
}
