import type { Response } from 'express';
import { DomainError, InputValidationPipe, type FieldProblem } from '@cohesion/common';

/** A form's problems as the GOV.UK error summary and each field's error message take them. */
export interface FormErrors {
  /** For `govukErrorSummary`'s errorList: each message links to its field. */
  list: { text: string; href: string }[];
  /** By field id, for each field's `errorMessage`. */
  fields: Record<string, { text: string }>;
}

/**
 * The id of a form field from the path the API names it by: `input.email` is `email`,
 * `input.contacts[0].value` is `contacts-0-value`. Pages give their fields these ids (and
 * names), so an error from validation or from a service links to the right field.
 */
export function fieldId(path: string, argument = 'input'): string {
  const inside = path.startsWith(`${argument}.`) ? path.slice(argument.length + 1) : path;
  return inside.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-') || argument;
}

/** How a field's message reads on its own in the summary: "Enter your email address" rather than "must be an email". */
function sentence(message: string, label: string | undefined): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  if (!label) return text;
  return /^(is|must|should|has|cannot|can|was|needs|does)\b/i.test(message) ? `${label} ${message}` : text;
}

/**
 * `labels` names fields in words (`{ email: 'Email address' }`), so a validator's "must be
 * an email" reads "Email address must be an email" in the summary.
 */
export function formErrors(
  problems: FieldProblem[],
  labels: Record<string, string> = {},
  argument = 'input',
): FormErrors {
  const list: FormErrors['list'] = [];
  const fields: FormErrors['fields'] = {};
  for (const problem of problems) {
    const id = fieldId(problem.field, argument);
    const text = sentence(problem.message, labels[id]);
    list.push({ text, href: `#${id}` });
    fields[id] ??= { text };
  }
  return { list, fields };
}

/** Validates form values with the API's own input class and rules; throws BAD_USER_INPUT naming `input.<field>`. */
export async function validated<T extends object>(type: new () => T, values: object, argument = 'input'): Promise<T> {
  const pipe = new InputValidationPipe();
  return (await pipe.transform(values, { type: 'body', metatype: type, data: argument })) as T;
}

/** A problem of one field, raised by a page itself (a confirmation box left unticked). */
export function fieldProblem(field: string, message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { fields: [{ field, message }] });
}

export interface FormView {
  view: string;
  /** What the page shows besides the form. */
  context?: Record<string, unknown>;
  /** What the person typed, shown back (never a password). */
  values: Record<string, unknown>;
  labels?: Record<string, string>;
}

/**
 * The one way a form is answered: `work` does what the form asks and answers (usually a
 * redirect, post-redirect-get). If the input is refused (BAD_USER_INPUT, from validation
 * or from the service), the same page is rendered again with status 400, the error
 * summary at the top linking to each field, each field's message beside it, and what was
 * typed kept. Any other error goes on to the error pages.
 */
export async function submitForm(response: Response, form: FormView, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT' || !error.details.fields?.length)
      throw error;
    response.status(400).render(form.view, {
      ...form.context,
      values: form.values,
      errors: formErrors(error.details.fields, form.labels),
    });
  }
}

/** A form value that may come once or many times (checkboxes, multi-selects) as a list. */
export function listOf(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string' && item !== '',
  );
}

/** A single form value as text ('' when absent or sent twice). */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A text field left empty means "not given". */
export function optionalText(value: unknown): string | undefined {
  const text = textOf(value).trim();
  return text === '' ? undefined : text;
}
