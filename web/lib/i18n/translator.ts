import { MESSAGES, type MessageKey } from './messages.ts';
import type { Locale } from './locale.ts';

export type Translate = (key: MessageKey) => string;

export function translator(locale: Locale): Translate {
  return (key) => MESSAGES[key][locale];
}
