import type {
  IntentRecord,
  JournalRecord,
  OperationId,
  OperationStatus,
  OperationView,
  OutcomeEntry,
  OutcomeRecord,
} from '../../src-shared/journal/types';
import { outcomeDetails } from '../../src-shared/journal/outcomeDetails';

const UNRESOLVED: ReadonlySet<OperationStatus> = new Set(['pending', 'unknown']);

function fromIntent(intent: IntentRecord): OperationView {
  return {
    id: intent.id,
    at: intent.at,
    kassa: intent.kassa,
    shop: intent.shop,
    client: intent.client,
    kind: intent.kind,
    bonuses: intent.bonuses,
    purchaseKopecks: intent.purchaseKopecks,
    balanceBefore: intent.balanceBefore ?? null,
    checkoutId: intent.checkoutId ?? null,
    by: intent.by,
    reverses: intent.reverses ?? null,
    reason: intent.reason ?? null,
    outcome: null,
    resolutions: [],
    reversedBy: [],
    status: 'pending',
    unresolved: true,
    reversed: false,
    balanceAfter: null,
  };
}

function outcomeEntry(record: OutcomeRecord): OutcomeEntry {
  return { at: record.at, ...outcomeDetails(record) };
}

/** Status, balance and flags follow from the records alone; called after every record is applied. */
function settle(view: OperationView): void {
  let status: OperationStatus = view.outcome?.status ?? 'pending';
  let balance: number | null = null;
  if (view.outcome?.status === 'applied' || view.outcome?.status === 'not-applied') balance = view.outcome.balance;
  if (view.outcome?.status === 'unknown') balance = view.outcome.balanceAfter ?? null;
  for (const resolution of view.resolutions) {
    if (resolution.action !== 'recheck') status = resolution.action;
    if (resolution.balance !== undefined) balance = resolution.balance;
  }
  view.status = status;
  view.unresolved = UNRESOLVED.has(status);
  view.balanceAfter = balance;
  view.reversed = view.reversedBy.some((link) => link.status === 'applied');
}

/**
 * The operations of one month file, built record by record. A record about an operation whose intent
 * is not in the file is an orphan: it is counted, never invented into an operation.
 */
export class OperationFold {
  readonly views = new Map<OperationId, OperationView>();
  /**
   * The operations without a known outcome, and each customer's operations: the checks made before
   * every press read these, so a press costs the same at the end of a busy day as at its start.
   */
  readonly unresolved = new Set<OperationView>();
  readonly byClient = new Map<number, OperationView[]>();
  orphans = 0;

  apply(record: JournalRecord): void {
    if (record.type === 'intent') {
      if (this.views.has(record.id)) return;
      const view = fromIntent(record);
      this.views.set(record.id, view);
      const ofClient = this.byClient.get(view.client);
      if (ofClient) ofClient.push(view);
      else this.byClient.set(view.client, [view]);
      this.track(view);
      return;
    }
    const view = this.views.get(record.id);
    if (!view) {
      this.orphans += 1;
      return;
    }
    if (record.type === 'outcome') {
      // The first outcome stands; a second could only come from a bug, and must not rewrite history.
      if (view.outcome === null) view.outcome = outcomeEntry(record);
    } else if (record.type === 'resolution') {
      view.resolutions.push({
        at: record.at,
        action: record.action,
        reason: record.reason,
        by: record.by,
        ...(record.balance === undefined ? {} : { balance: record.balance }),
      });
    } else {
      view.reversedBy.push({ id: record.reversalId, at: record.at, reason: record.reason, status: null });
    }
    settle(view);
    this.track(view);
  }

  private track(view: OperationView): void {
    if (view.unresolved) this.unresolved.add(view);
    else this.unresolved.delete(view);
  }

  applyAll(records: Iterable<JournalRecord>): this {
    for (const record of records) this.apply(record);
    return this;
  }
}

/** A view's reversal links, told the status of each reversal operation where it is known. */
export function withReversalStatus(
  view: OperationView,
  statusOf: (id: OperationId) => OperationStatus | null,
): OperationView {
  if (view.reversedBy.length === 0) return view;
  const copy: OperationView = { ...view, reversedBy: view.reversedBy.map((link) => ({ ...link, status: statusOf(link.id) })) };
  settle(copy);
  return copy;
}
