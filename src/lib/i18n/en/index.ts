/**
 * The English catalogue, the reference: its keys and `{param}` placeholders define the types that
 * every other language's dictionary follows. Kept in one file per part of the app.
 */
import app from './app';
import data from './data';
import portfolio from './portfolio';
import settings from './settings';

export const en = { ...app, ...portfolio, ...data, ...settings } as const;
