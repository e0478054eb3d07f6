/**
 * What is wrong with a piece of text for storing or searching, if anything. PostgreSQL
 * text cannot hold the NUL character, and a lone UTF-16 surrogate (half of an emoji, say)
 * is no character at all: it breaks encoding it as UTF-8, as JSON or in a URI.
 */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character';
  if (!value.isWellFormed()) return 'is not well-formed Unicode text (it holds half of a character)';
  return undefined;
}
