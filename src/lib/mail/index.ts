export type * from './types';
export {
	mailContext,
	groupNames,
	resourcesFor,
	senderSettings,
	type MailContextInput
} from './context';
export {
	checkTemplate,
	compileTemplate,
	headerSafe,
	mergeTemplates,
	renderMail,
	TemplateError,
	TemplateSet,
	type CompiledTemplate
} from './render';
export {
	availablePlaceholders,
	emptyPlaceholders,
	usedPlaceholders,
	type Placeholder
} from './placeholders';
export { parseTemplateFile } from './template-file';
export { htmlToText } from './text';
