/**
 * The editor's state: the draft (with its undo history) is the source of truth; the graph is drawn from it, keeping
 * node positions while the set of nodes stays the same and laying out again when steps come or go.
 */
import catalogue from 'virtual:action-catalogue';
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { layoutGraph, relayout } from '../graph/auto-layout';
import { definitionToGraph } from '../graph/definition-to-graph';
import type { FlowNode, RouteEdge } from '../graph/graph-types';
import { canRedo, canUndo, createHistory, record, redo, undo, type UndoHistory } from '../history/undo-history';
import { errorsByNode, validateDraft, type LocatedError } from '../validation/error-locations';
import { onlyNew } from '../definitions/server-problems';

export const ACTION_CATALOGUE = catalogue;

/** Where the local draft (`#/editor`, not saved through the API) is kept in this browser. */
export const LOCAL_DRAFT_KEY = 'ledgerflow.studio.draft';

export type EditorPanel = 'inspector' | 'json' | 'simulate';

class EditorState {
  history = $state.raw<UndoHistory<WorkflowDefinition> | null>(null);
  selectedId = $state<string | null>(null);
  panel = $state<EditorPanel>('inspector');
  nodes = $state.raw<FlowNode[]>([]);
  edges = $state.raw<RouteEdge[]>([]);
  /** Bumped when the view should fit the graph again (opening a draft, auto-layout). */
  fitRequest = $state(0);

  /**
   * Problems the API found in one version of the draft (e.g. a subflow key the tenant lacks). They stand only while
   * that very version is open: any edit makes them stale, and the studio's own checks take over again.
   */
  serverErrors = $state.raw<{ for: WorkflowDefinition; errors: LocatedError[] } | null>(null);

  definition = $derived(this.history?.present ?? null);
  clientErrors = $derived(this.definition ? validateDraft(this.definition, catalogue) : []);
  errors = $derived(this.serverErrors && this.serverErrors.for === this.definition ? [...this.clientErrors, ...onlyNew(this.serverErrors.errors, this.clientErrors)] : this.clientErrors);
  errorsByNode = $derived(errorsByNode(this.errors));
  canUndo = $derived(this.history ? canUndo(this.history) : false);
  canRedo = $derived(this.history ? canRedo(this.history) : false);

  open(definition: WorkflowDefinition) {
    this.history = createHistory(structuredClone(definition));
    this.serverErrors = null;
    this.selectedId = null;
    this.panel = 'inspector';
    this.drawGraph(true);
  }

  /** Records an edit; every change of the draft goes through here, so each one can be undone. */
  apply(next: WorkflowDefinition) {
    if (!this.history) return;
    this.history = record(this.history, next);
    this.drawGraph(false);
  }

  undo() {
    if (!this.history) return;
    this.history = undo(this.history);
    this.drawGraph(false);
  }

  redo() {
    if (!this.history) return;
    this.history = redo(this.history);
    this.drawGraph(false);
  }

  select(id: string | null) {
    this.selectedId = id;
    if (id) this.panel = 'inspector';
    this.nodes = this.nodes.map((node) => (node.selected === (node.id === id) ? node : { ...node, selected: node.id === id }));
  }

  autoLayout() {
    if (!this.definition) return;
    this.nodes = relayout(this.nodes, definitionToGraph(this.definition));
    this.fitRequest += 1;
  }

  private drawGraph(fit: boolean) {
    if (!this.definition) return;
    const graph = definitionToGraph(this.definition);
    const previous = new Map(this.nodes.map((node) => [node.id, node]));
    const sameNodes = !fit && graph.nodes.length === previous.size && graph.nodes.every((node) => previous.get(node.id)?.type === node.type && previous.get(node.id)?.parentId === node.parentId);
    const placed = sameNodes
      ? graph.nodes.map((node) => {
          const before = previous.get(node.id)!;
          return { ...node, position: before.position, width: before.width, height: before.height } as FlowNode;
        })
      : layoutGraph(graph.nodes, graph.edges);
    if (this.selectedId && !graph.nodes.some((node) => node.id === this.selectedId)) this.selectedId = null;
    this.nodes = placed.map((node) => ({ ...node, selected: node.id === this.selectedId, ...(node.type === 'branch' || node.type === 'start' ? { deletable: false } : {}) }) as FlowNode);
    this.edges = graph.edges;
    if (fit || !sameNodes) this.fitRequest += 1;
  }
}

export const editor = new EditorState();
