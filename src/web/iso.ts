// ISO 3166 numeric → alpha-3, for the world atlas's country ids (from i18n-iso-countries, bundled).
import countries from 'i18n-iso-countries';

export const NUMERIC_TO_ALPHA3: Record<string, string> = countries.getNumericCodes() as unknown as Record<string, string>;
