/**
 * The English catalogue, the reference: its keys and `{param}` placeholders define the types that
 * every other language's dictionary follows. Kept in one file per part of the app.
 */
import app from './app';
import auth from './auth';
import backtest from './backtest';
import builder from './builder';
import conditions from './conditions';
import data from './data';
import deliveries from './deliveries';
import delivery from './delivery';
import events from './events';
import mail from './mail';
import measureEditor from './measure-editor';
import outbox from './outbox';
import people from './people';
import plays from './plays';
import portfolio from './portfolio';
import settings from './settings';
import sync from './sync';
import templates from './templates';
import tickets from './tickets';
import usage from './usage';

export const en = {
	...app,
	...auth,
	...portfolio,
	...data,
	...settings,
	...sync,
	...builder,
	...conditions,
	...measureEditor,
	...backtest,
	...plays,
	...outbox,
	...people,
	...templates,
	...mail,
	...delivery,
	...deliveries,
	...events,
	...usage,
	...tickets
} as const;
