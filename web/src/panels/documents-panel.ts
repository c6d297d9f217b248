/**
 * Documents and identities: documents shared by several people and compromised ones (stolen, lost,
 * forged) still in use; people with several identities; and candidate duplicates side by side with
 * the reasons, for the analyst to confirm or reject.
 */
import { runAnalyses } from '../api/analyses.ts';
import type { AnalysisAnswer, DuplicateCandidate } from '../api/analyses.ts';
import { fetchEntity, recordIdentityDecision } from '../api/client.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { valueText } from './details-panel.ts';

function nameButton(answer: AnalysisAnswer, id: string, workspace: Workspace): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'link-button', 'data-id': id, onclick: () => void workspace.openEntity(id) },
    answer.names[id] ?? id,
  );
}

function card(id: string): HTMLElement {
  const element = h('div', { 'data-id': id }, h('p', { class: 'muted' }, 'Loading…'));
  fetchEntity(id)
    .then((detail) => {
      const rows = Object.entries(detail.properties)
        .filter(([key]) => !['createdAt', 'updatedAt', 'createdBy', 'sources', 'version'].includes(key))
        .map(([key, value]) => h('tr', {}, h('th', {}, key), h('td', {}, valueText(value))));
      replace(element, h('table', { class: 'properties' }, h('tbody', {}, ...rows)));
    })
    .catch(() => replace(element, h('p', { class: 'muted' }, id)));
  return element;
}

function candidate(answer: AnalysisAnswer, pair: DuplicateCandidate, workspace: Workspace): HTMLElement {
  const verdict = h(
    'p',
    { class: 'verdict muted' },
    `Score ${pair.score.toFixed(2)}: ${pair.reasons.join('; ')}`,
  );
  const reason = h('input', {
    type: 'text',
    class: 'reason',
    'aria-label': 'Why (recorded with the decision)',
    placeholder: 'Why? (recorded with the decision)',
    maxlength: '2000',
  }) as HTMLInputElement;
  // The decision is recorded by the server (audited, SAME_AS written or retracted) before it shows.
  const decide = (decision: 'same' | 'different') => () => {
    const why = reason.value.trim();
    if (why.length < 3) {
      verdict.textContent = 'Say why first, in a few words: the reason is recorded with the decision.';
      reason.focus();
      return;
    }
    const buttons = [...element.querySelectorAll('button')];
    for (const button of buttons) button.disabled = true;
    recordIdentityDecision({ a: pair.a, b: pair.b, decision, reason: why })
      .then((recorded) => {
        const text =
          recorded.decision === 'same'
            ? `Confirmed as the same person by ${recorded.decidedBy} (SAME_AS ${recorded.link ?? ''})`
            : `Rejected as different people by ${recorded.decidedBy}`;
        verdict.textContent = `${text}, ${recorded.decidedAt.slice(0, 16).replace('T', ' ')}: ${recorded.reason}`;
        element.dataset.verdict = recorded.decision;
        // The canvas shows the pair with the link as it now stands.
        return Promise.all([workspace.expand(pair.a), workspace.expand(pair.b)]);
      })
      .catch((error: unknown) => {
        verdict.textContent = `Not recorded: ${String(error)}`;
        for (const button of buttons) button.disabled = false;
      });
  };
  const element = h(
    'div',
    { class: 'candidate', 'data-a': pair.a, 'data-b': pair.b },
    h('strong', {}, answer.names[pair.a] ?? pair.a),
    h('strong', {}, answer.names[pair.b] ?? pair.b),
    card(pair.a),
    card(pair.b),
    verdict,
    reason,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', 'data-action': 'confirm', onclick: decide('same') }, 'Same person'),
      h(
        'button',
        { type: 'button', 'data-action': 'reject', onclick: decide('different') },
        'Different people',
      ),
    ),
  );
  return element;
}

function render(body: HTMLElement, answer: AnalysisAnswer, workspace: Workspace): void {
  const documents = answer.result.documents;
  const pairs = (answer.result.identityCandidates?.persons ?? []).slice(0, 15);
  const people = (ids: string[]) =>
    ids.flatMap((id, i) => [i > 0 ? ', ' : '', nameButton(answer, id, workspace)]);
  replace(
    body,
    h('h3', {}, 'Documents used by several people'),
    h(
      'ul',
      { id: 'shared-documents' },
      ...(documents?.shared ?? []).map((d) =>
        h('li', {}, nameButton(answer, d.document, workspace), ': ', ...people(d.people)),
      ),
    ),
    h('h3', {}, 'Compromised documents in use'),
    h(
      'ul',
      { id: 'compromised-documents' },
      ...(documents?.compromised ?? []).map((d) =>
        h('li', {}, nameButton(answer, d.document, workspace), ` (${d.status}): `, ...people(d.people)),
      ),
    ),
    h('h3', {}, 'Several identities'),
    h(
      'ul',
      {},
      ...(documents?.multipleIdentities ?? []).map((m) =>
        h('li', {}, nameButton(answer, m.person, workspace), ` · ${m.kind}: ${m.holderNames.join(' / ')}`),
      ),
    ),
    h('h3', {}, 'Candidate duplicates'),
    h('div', { id: 'identity-candidates' }, ...pairs.map((pair) => candidate(answer, pair, workspace))),
  );
}

/** Mounts the documents and identities panel. */
export function mountDocumentsPanel(container: HTMLElement, workspace: Workspace): void {
  const body = h('div', { id: 'documents-results' });
  const run = h('button', { type: 'button', id: 'run-documents' }, 'Find reused documents and duplicates');
  run.addEventListener('click', () => {
    run.disabled = true;
    runAnalyses(['documents', 'identity'], {
      onProgress: (done, total, name) =>
        workspace.say(name === null ? '' : `Step ${Math.min(done + 1, total)} of ${total}: ${name}`),
    })
      .then((answer) => {
        render(body, answer, workspace);
        container.dataset.state = 'done';
      })
      .catch((error: unknown) => workspace.say(String(error), 'error'))
      .finally(() => (run.disabled = false));
  });
  replace(container, h('h2', {}, 'Documents and identities'), h('div', { class: 'actions' }, run), body);
}
