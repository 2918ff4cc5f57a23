/**
 * `npm run engine -- <command>`: the engine from the command line, for scripts and cron.
 * Results go to stdout; errors to stderr with a non-zero exit status.
 */
import { parseArgs } from 'node:util';
import { backtestUsage, runBacktest } from './commands/backtest';
import { discoverUsage, runDiscover } from './commands/discover';
import { planUsage, runPlan } from './commands/plan';
import { runRun, runUsage } from './commands/run';
import { runSample, sampleUsage } from './commands/sample';
import { runScore, scoreUsage } from './commands/score';
import { runSql, sqlUsage } from './commands/sql';
import { CliError, UsageError, type CommandOutput } from './io';

const USAGE = `usage: npm run engine -- <command> [options]

commands:
  ${scoreUsage}
      prints each account's score (JSON array, or CSV with a column per group); --engine duckdb
      scores the workspace in DuckDB (with --data DIR, the CSV or Parquet files of DIR, read in
      place), --engine postgres the tables of a PostgreSQL database
  ${sqlUsage}
      prints the SQL query that scores the accounts with the workspace's scorecards
  ${sampleUsage}
      writes the seeded sample workspace (same seed, same file)
  ${backtestUsage}
      how well each scorecard's score foresaw churn 30, 60 and 90 days ahead (text, or JSON);
      --calibration adds calibrated probabilities, their Brier score and reliability per decile
  ${discoverUsage}
      builds a scorecard by forward selection of facts with fitted scorings: prints the path (AUC
      after each step) and the resulting draft (text, or JSON)
  ${planUsage}
      what the enabled plays would do: one entry per action and recipient, with its key, status and reason
  ${runUsage}
      runs the plays: sends auto emails through SMTP (or into the sink folder), once by the ledger
      (a file, or with --database-url the server's PostgreSQL database, shared with the app's
      server); prints each entry's outcome, exits 1 when one failed
`;

const commands: Record<
	string,
	{
		usage: string;
		/** Options with a value, and flags (`boolean`, true when given). */
		options: Record<string, { type: 'string' | 'boolean' }>;
		/** The text for stdout, or its streams and exit status (warnings, a command that sends). */
		run: (
			values: Record<string, string | boolean | undefined>
		) => string | CommandOutput | Promise<CommandOutput>;
	}
> = {
	score: {
		usage: scoreUsage,
		options: {
			workspace: { type: 'string' },
			'as-of': { type: 'string' },
			format: { type: 'string' },
			engine: { type: 'string' },
			'database-url': { type: 'string' },
			data: { type: 'string' }
		},
		run: runScore
	},
	sql: {
		usage: sqlUsage,
		options: {
			workspace: { type: 'string' },
			scorecard: { type: 'string' },
			'as-of': { type: 'string' },
			dialect: { type: 'string' }
		},
		run: runSql
	},
	sample: {
		usage: sampleUsage,
		options: {
			out: { type: 'string' },
			seed: { type: 'string' },
			accounts: { type: 'string' },
			end: { type: 'string' },
			weeks: { type: 'string' },
			language: { type: 'string' }
		},
		run: runSample
	},
	backtest: {
		usage: backtestUsage,
		options: {
			workspace: { type: 'string' },
			horizon: { type: 'string' },
			format: { type: 'string' },
			calibration: { type: 'boolean' }
		},
		run: runBacktest
	},
	discover: {
		usage: discoverUsage,
		options: {
			workspace: { type: 'string' },
			horizon: { type: 'string' },
			target: { type: 'string' },
			format: { type: 'string' }
		},
		run: runDiscover
	},
	plan: {
		usage: planUsage,
		options: {
			workspace: { type: 'string' },
			'as-of': { type: 'string' },
			format: { type: 'string' }
		},
		run: runPlan
	},
	run: {
		usage: runUsage,
		options: {
			workspace: { type: 'string' },
			ledger: { type: 'string' },
			'database-url': { type: 'string' },
			smtp: { type: 'string' },
			'as-of': { type: 'string' },
			sink: { type: 'string' },
			format: { type: 'string' }
		},
		run: runRun
	}
};

async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === 'help' || name === '--help' || name === '-h') {
		process.stdout.write(USAGE);
		return name ? 0 : 2;
	}
	const command = commands[name];
	try {
		if (!command) throw new UsageError(`unknown command "${name}"\n${USAGE}`);
		let values: Record<string, string | boolean | undefined>;
		try {
			values = parseArgs({
				args: rest,
				options: command.options,
				strict: true,
				allowPositionals: false
			}).values as Record<string, string | boolean | undefined>;
		} catch (error) {
			throw new UsageError(`${(error as Error).message}\nusage: engine ${command.usage}`);
		}
		const result = await command.run(values);
		if (typeof result === 'string') {
			process.stdout.write(result);
			return 0;
		}
		process.stdout.write(result.stdout);
		process.stderr.write(result.stderr);
		return result.exitCode;
	} catch (error) {
		if (error instanceof CliError) {
			process.stderr.write(`engine ${name}: ${error.message}\n`);
			return error.exitCode;
		}
		throw error;
	}
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});

process.exitCode = await main(process.argv.slice(2));
