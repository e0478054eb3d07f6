import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsOptional,
  IsUrl,
  Matches,
  MaxLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { decodeGlobalId } from '../global-id.js';
import { isLocalDate } from '../graphql/scalars.js';
import { isUkPostcode } from '../uk/postcode.js';

/** Kept in place of a value that was not a global id of the expected type, so validation fails on it. */
class NotAGlobalId {
  constructor(readonly value: unknown) {}
}

function decodeAs(type: string, value: unknown): unknown {
  if (typeof value !== 'string') return new NotAGlobalId(value);
  const decoded = decodeGlobalId(value);
  return decoded?.type === type ? decoded.id : new NotAGlobalId(value);
}

/**
 * An input field holding the global id of a `type` node: validated, then replaced by
 * the uuid behind it so services work with database ids only.
 */
export function IsGlobalIdOf(type: string, options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (value === null || value === undefined) return value;
      return options.each && Array.isArray(value) ? value.map((item) => decodeAs(type, item)) : decodeAs(type, value);
    }),
    ValidateBy(
      {
        name: 'isGlobalIdOf',
        validator: {
          validate: (value: unknown) => typeof value === 'string',
          defaultMessage: (args) => {
            const article = /^[AEIOU]/.test(type) ? 'an' : 'a';
            if (Array.isArray(args?.value)) {
              const index = args.value.findIndex((item) => typeof item !== 'string');
              return `item [${index}] is not the id of ${article} ${type}`;
            }
            return `must be the id of ${article} ${type}`;
          },
        },
      },
      options,
    ),
  );
}

export function IsUkPostcode(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUkPostcode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isUkPostcode(value),
        defaultMessage: () => 'must be a full UK postcode, such as WS1 1TP',
      },
    },
    options,
  );
}

/** ISO 639 language codes (two or three lowercase letters), as Open Referral UK uses. */
export function IsLanguageCode(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLanguageCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^[a-z]{2,3}$/.test(value),
        defaultMessage: () => 'must be an ISO 639 language code such as en, pa or ur',
      },
    },
    options,
  );
}

export function IsLocalDate(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => isLocalDate(value),
        defaultMessage: () => 'must be a date written YYYY-MM-DD',
      },
    },
    options,
  );
}

/** Trims surrounding whitespace from string inputs (so "  " counts as empty for @IsNotEmpty). */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

export const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;

/** An optional free-text input: trimmed, at most `max` characters; null clears it. */
export function OptionalText(max: number): PropertyDecorator {
  return applyDecorators(Trim(), IsOptional(), MaxLength(max));
}

/**
 * An optional list of at most `max` global ids of `type` nodes (areas, terms...), each
 * replaced by its uuid. Applied in the order the decorators it stands for were stacked.
 */
export function OptionalIdsOf(type: string, max: number): PropertyDecorator {
  return applyDecorators(IsGlobalIdOf(type, { each: true }), ArrayMaxSize(max), IsOptional());
}

/** An optional list of at most 20 ISO 639 language codes. */
export function OptionalLanguageCodes(): PropertyDecorator {
  return applyDecorators(IsLanguageCode({ each: true }), ArrayMaxSize(20), IsOptional());
}

/** An optional email address; null clears it. */
export function OptionalEmail(): PropertyDecorator {
  return applyDecorators(Trim(), IsOptional(), IsEmail({}, { message: 'must be an email address' }), MaxLength(254));
}

/** An optional http(s) web address; null clears it. */
export function OptionalWebsite(): PropertyDecorator {
  return applyDecorators(
    Trim(),
    IsOptional(),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true },
      { message: 'must be a web address starting http:// or https://' },
    ),
    MaxLength(300),
  );
}

/** An optional UK-style phone number: digits, spaces, brackets, hyphens, an optional leading +. */
export function OptionalPhone(): PropertyDecorator {
  return applyDecorators(
    Trim(),
    IsOptional(),
    Matches(PHONE, { message: 'must be a phone number of digits, spaces, brackets and hyphens' }),
  );
}

/**
 * A finite number with at most `places` decimal places (scores, hours). class-validator's
 * own `maxDecimalPlaces` reads the decimals from the number's text and throws on values
 * written in exponent form (6e-323), so this compares the number with itself rounded.
 */
export function IsDecimal(places: number, options: ValidationOptions = {}): PropertyDecorator {
  const scale = 10 ** places;
  return ValidateBy(
    {
      name: 'isDecimal',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Math.abs(Math.round(value * scale) / scale - value) <= Number.EPSILON * Math.max(1, Math.abs(value)),
        defaultMessage: () => `must be a number with at most ${places} decimal place${places === 1 ? '' : 's'}`,
      },
    },
    options,
  );
}
