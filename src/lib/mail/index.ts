export type * from './types';
export { mailContext, resourcesFor, senderContext, type MailContextInput } from './context';
export {
	DEFAULT_PUBLIC_URL,
	EMPTY_SENDER,
	missingForSmtp,
	parseSender,
	resolveSender,
	SENDER_FIELDS,
	senderFieldProblem,
	senderWarnings,
	smtpRefusal,
	type ResolvedSender,
	type SenderField,
	type SenderIdentity,
	type SenderPart,
	type SenderProblem,
	type SenderSource
} from './sender';
export { unsafeLinks, type UnsafeLink } from './links';
export {
	checkTemplate,
	compileTemplate,
	headerSafe,
	renderMail,
	sourceLinkProblems,
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
