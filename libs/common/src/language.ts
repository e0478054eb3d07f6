const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** An ISO 639 code's English name ("ur" -> "Urdu"); the code itself when it has none. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
