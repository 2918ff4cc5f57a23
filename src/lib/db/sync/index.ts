/** The replica's side of the team workspace's sync, as the sync client and the pages use it. */
export type * from './types';
export { asReplica } from './capture';
export { applyPage, applyResults } from './apply';
export { pendingGroups, type PushLimits } from './pending';
export { HeldIds } from './records';
export { resolveConflict } from './conflicts';
export { replicaId } from './replica-id';
export { forgetOwnWorkspace, ownWorkspace, setAsideOwnWorkspace } from './own-workspace';
