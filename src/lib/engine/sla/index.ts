export { FRAMEWORK_PLAYBOOKS, taskingPlaybooks } from './playbooks';
export { escalations, isOverdue, responseTasks, type BandEntry, type SlaPeople } from './tasks';
export { slaCompliance, type SlaCompliance } from './compliance';
