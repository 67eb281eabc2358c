/**
 * One panel of the board's panel strip: a titled box (Chinese first, English second) with an
 * optional row of controls, a one-line note and a body. Its `data-state` says what it shows —
 * loading | ready | empty (the graph has nothing for it) | needs-token | unavailable — and the
 * panel code adds data attributes read back from what it drew, for the browser test.
 */
export type PanelState = 'loading' | 'ready' | 'empty' | 'needs-token' | 'unavailable';

export interface PanelFrame {
  readonly element: HTMLElement;
  readonly controls: HTMLElement;
  readonly body: HTMLElement;
  setState(state: PanelState, note: string): void;
}

export function createPanelFrame(root: HTMLElement, id: string, title: string): PanelFrame {
  const element = document.createElement('section');
  element.className = 'panel';
  element.id = id;
  element.dataset['state'] = 'loading';
  const heading = document.createElement('h2');
  heading.textContent = title;
  const controls = document.createElement('div');
  controls.className = 'panel-controls';
  const note = document.createElement('p');
  note.className = 'panel-note';
  note.textContent = '加载中… Loading';
  const body = document.createElement('div');
  body.className = 'panel-body';
  element.append(heading, controls, note, body);
  root.append(element);
  return {
    element,
    controls,
    body,
    setState(state, text) {
      element.dataset['state'] = state;
      note.textContent = text;
    },
  };
}
