// Every translation, imported statically, for code that needs them all at once and synchronously: Node tools,
// tests, and applications that bundle the npm modules and want no chunk loading. The element never imports this
// module (it loads one locale at a time through ./index.ts), so the script-tag bundles do not carry it.
import ca from './ca.ts';
import de from './de.ts';
import en from './en.ts';
import es from './es.ts';
import fi from './fi.ts';
import fr from './fr.ts';
import hu from './hu.ts';
import nl from './nl.ts';
import no from './no.ts';
import sv from './sv.ts';
import type { LocaleCode } from '../session/locale-codes.ts';
import { matchLocale } from './index.ts';
import type { Translation } from './translation.ts';

// why a `Record`: the type check fails unless this covers exactly the codes of ./codes.ts.
export const TRANSLATIONS: Readonly<Record<LocaleCode, Translation>> = { ca, de, en, es, fi, fr, hu, nl, sv, no };

/** The translation for a code, English for anything unknown. */
export function getTranslation(code: string): Translation {
  return TRANSLATIONS[matchLocale(code) ?? 'en'];
}
