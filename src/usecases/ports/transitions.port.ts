/**
 * Stored transitions (src/adapters/db/transitions.repository.ts), and the few
 * writes a transition needs that the other stores do not offer: moving a
 * proposal or an item's attachments to another meeting, and removing a seat the
 * transition created (undo).
 */
import type { TransitionPlanInput, TransitionPreview } from '../../domain/transitions/transition.plan.js';
import type { TransitionChanges, TransitionStatus } from '../../domain/transitions/transition.changes.js';

export type StoredTransition = {
  id: string;
  region: string;
  effectiveOn: string;
  status: TransitionStatus;
  title?: string;
  plan: Omit<TransitionPlanInput, 'region'>;
  preview?: TransitionPreview;
  changes?: TransitionChanges;
  preparedBy?: string;
  appliedBy?: string;
  appliedAt?: string;
  undoneBy?: string;
  undoneAt?: string;
  effectiveAt?: string;
  createdAt: string;
};

export interface TransitionsStore {
  insert(t: Omit<StoredTransition, 'createdAt'>): Promise<void>;
  /** With the row locked in a transaction, so an apply and an undo of one transition queue up. */
  get(id: string): Promise<StoredTransition | undefined>;
  list(filter?: { region?: string; status?: TransitionStatus }): Promise<StoredTransition[]>;
  update(t: StoredTransition): Promise<void>;
  /** Moves a proposal to a meeting and sets its status and decline reason (pending again on undo). */
  moveProposal(p: { id: string; meetingId: string; status: 'pending' | 'accepted' | 'declined'; declineReason: string | null }): Promise<void>;
  /** The attachments of an agenda item follow the item to another meeting. */
  moveItemAttachments(itemId: string, meetingId: string): Promise<void>;
  /** Removes a seat (only those a transition created, on undo); false when it was already gone. */
  deleteMembership(id: string): Promise<boolean>;
}
