/**
 * Items proposed by members: accepted before the items cut-off; after it a
 * member is refused with the cut-off in the message, and only the secretariat
 * can still put an item forward (recorded as late). The secretariat accepts (the
 * proposal becomes an agenda item) or declines with a reason the proposer sees.
 */
import { z } from 'zod';
import { ItemKind } from '../../domain/meetings/meeting.model.js';
import type { Proposal } from '../../domain/meetings/workflow.model.js';
import { notFound, UseCaseError } from '../use-case.errors.js';
import { danishInstant, englishInstant, loadMeeting, meetingStart, requireMember, requireNotCancelled, requireSecretariat, stateError, type WorkflowDeps } from './workflow.context.js';
import { assertItemsEditable, insertItem } from './agenda.usecase.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const ProposalInput = z.object({
  title: text(300),
  kind: ItemKind,
  background: z.string().max(20000),
  recommendation: text(2000).optional(),
});
export const DeclineInput = z.object({ reason: text(2000) });

type Who = { personId: string };

export function proposalUseCases(deps: WorkflowDeps) {
  const { transact, clock, ids } = deps;

  async function decide(proposalId: string, actor: Who, fn: (p: Proposal, uow: Parameters<Parameters<typeof transact>[0]>[0]) => Promise<Proposal>) {
    return transact(async (uow) => {
      const found = await uow.workflow.getProposal(proposalId);
      if (!found) throw notFound('proposal', proposalId);
      const c = await loadMeeting(uow, found.meetingId, actor.personId, clock.now());
      // Read again once the meeting is locked (loadMeeting in a write transaction): a parallel decision may have just committed.
      const p = (await uow.workflow.getProposal(proposalId)) ?? found;
      requireSecretariat(c, 'decide on proposed items', 'tage stilling til foreslåede punkter');
      requireNotCancelled(c);
      if (p.status !== 'pending') throw stateError(`The proposal is already ${p.status}`, `Forslaget er allerede ${p.status === 'accepted' ? 'optaget' : 'afvist'}`);
      const decided = await fn(p, uow);
      await uow.workflow.decideProposal(decided);
      await uow.audit.record({ actorPersonId: actor.personId, action: `proposal.${decided.status === 'accepted' ? 'accept' : 'decline'}`, forumId: c.forum.id, target: p.id, outcome: 'ok', detail: { meetingId: p.meetingId } });
      return decided;
    });
  }

  return {
    async propose(meetingId: string, input: z.output<typeof ProposalInput>, actor: Who): Promise<Proposal> {
      return transact(async (uow) => {
        const now = clock.now();
        const c = await loadMeeting(uow, meetingId, actor.personId, now);
        requireMember(c, 'propose agenda items', 'foreslå punkter til dagsordenen');
        requireNotCancelled(c);
        // Once the meeting has begun (or is recorded as held) its agenda is history: nobody proposes to it, not even late.
        if (c.meeting.status === 'held' || now.getTime() >= Date.parse(meetingStart(c.meeting))) {
          throw new UseCaseError(
            'invalid_state',
            'The meeting has been held; propose the item for a coming meeting',
            [{ field: 'meetingId', reason: 'the meeting has been held' }],
            'Mødet er afholdt; foreslå punktet til et kommende møde',
          );
        }
        const cutoff = c.deadlines.itemsCutoff.at;
        const late = now.getTime() >= Date.parse(cutoff);
        if (late && !c.role.secretariat) {
          throw new UseCaseError(
            'deadline_passed',
            `The cut-off for agenda items was ${englishInstant(cutoff)}; ask the secretariat to accept the item late`,
            [{ field: 'meetingId', reason: 'items cut-off has passed' }],
            `Fristen for punkter til dagsordenen var ${danishInstant(cutoff)}; kontakt sekretariatet, hvis punktet skal med alligevel`,
            { deadline: cutoff },
          );
        }
        const p: Proposal = {
          id: ids.newId('prp'),
          meetingId,
          proposerPersonId: actor.personId,
          title: input.title,
          kind: input.kind,
          background: input.background,
          ...(input.recommendation ? { recommendation: input.recommendation } : {}),
          status: 'pending',
          late,
          createdAt: now.toISOString(),
        };
        await uow.workflow.insertProposal(p);
        await uow.audit.record({ actorPersonId: actor.personId, action: 'proposal.create', forumId: c.forum.id, target: p.id, outcome: 'ok', detail: { meetingId, late } });
        return p;
      });
    },

    async accept(proposalId: string, actor: Who) {
      return decide(proposalId, actor, async (p, uow) => {
        const c = await loadMeeting(uow, p.meetingId, actor.personId, clock.now());
        await assertItemsEditable(uow, c);
        const item = await insertItem(
          uow,
          deps,
          p.meetingId,
          { title: p.title, kind: p.kind, presenters: [], minutes: 10, background: p.background, recommendations: p.recommendation ? [p.recommendation] : [] },
          { kind: 'member', refId: p.id },
        );
        return { ...p, status: 'accepted', itemId: item.id, decidedBy: actor.personId, decidedAt: clock.now().toISOString() };
      });
    },

    async decline(proposalId: string, reason: string, actor: Who) {
      return decide(proposalId, actor, async (p) => ({ ...p, status: 'declined', declineReason: reason, decidedBy: actor.personId, decidedAt: clock.now().toISOString() }));
    },
  };
}
