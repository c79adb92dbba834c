// Every translation, imported statically, for code that needs them all at once and synchronously: Node tools,
// tests, and applications that bundle the npm modules and want no chunk loading. The element never imports this
// module (it loads one locale at a time through ./index.ts), so the script-tag bundles do not carry it.
import ca from './ca.js';
import de from './de.js';
import en from './en.js';
import es from './es.js';
import fi from './fi.js';
import fr from './fr.js';
import hu from './hu.js';
import nl from './nl.js';
import no from './no.js';
import sv from './sv.js';
import type { LocaleCode } from '../session/locale-codes.js';
import { matchLocale } from './index.js';
import type { Translation } from './translation.js';

// why a `Record`: the type check fails unless this covers exactly the codes of ./codes.ts.
export const TRANSLATIONS: Readonly<Record<LocaleCode, Translation>> = { ca, de, en, es, fi, fr, hu, nl, sv, no };

/** The translation for a code, English for anything unknown. */
export function getTranslation(code: string): Translation {
  return TRANSLATIONS[matchLocale(code) ?? 'en'];
}
