// A validator's error in words: the session's validators return keys with parameters (src/session/validation.ts),
// and a locale words them here, so the rules know no words.
import type { FieldError } from '../session/validation.js';
import type { ValidationMessages } from './translation.js';

/** Words an error in the given locale. */
export function translateError(messages: ValidationMessages, error: FieldError): string {
  switch (error.key) {
    case 'tooLong':
      return messages.tooLong(error.params?.max ?? 0);
    case 'taxId':
      return messages.taxId(error.params?.example ?? '');
    default:
      return messages[error.key];
  }
}
