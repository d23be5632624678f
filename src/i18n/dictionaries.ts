/** Every language's UI strings (one flat-keyed file per language; the English one defines the keys). */
import { en } from "./en";
import { ko } from "./ko";

export const DICTIONARIES = { en, ko };
