/**
 * The English catalogue, the reference: its keys and `{param}` placeholders define the types that
 * every other language's dictionary follows. Kept in one file per part of the app.
 */
import app from './app';
import backtest from './backtest';
import builder from './builder';
import conditions from './conditions';
import data from './data';
import delivery from './delivery';
import mail from './mail';
import measureEditor from './measure-editor';
import outbox from './outbox';
import plays from './plays';
import portfolio from './portfolio';
import settings from './settings';
import templates from './templates';

export const en = {
	...app,
	...portfolio,
	...data,
	...settings,
	...builder,
	...conditions,
	...measureEditor,
	...backtest,
	...plays,
	...outbox,
	...templates,
	...mail,
	...delivery
} as const;
