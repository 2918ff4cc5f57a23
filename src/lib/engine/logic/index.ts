import { canCompileToFunction } from './source';

export type { CompiledLogic, JsonValue, Logic, LogicProblem } from './types';
export { checkLogic, requiredVars, varsRead } from './check';
export { registerOperator, resolveVar, truthy } from './operators';
export { compileToClosure } from './closure';
export { canCompileToFunction, compileToFunction } from './source';

/**
 * `function`: generated JavaScript, the fast path. `closure`: no eval, for pages under a strict
 * Content Security Policy. `auto`: `function` where the environment allows it.
 */
export type Backend = 'function' | 'closure' | 'auto';

export function resolveBackend(backend: Backend): 'function' | 'closure' {
	if (backend !== 'auto') return backend;
	return canCompileToFunction() ? 'function' : 'closure';
}
