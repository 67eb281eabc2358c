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
  /**
   * Starts asking for what the panel shows (state loading) and returns whether this is still the
   * latest ask when the answer comes: a later selection or reload takes over, its answer is drawn.
   */
  begin(): () => boolean;
}

/** The bureaus as the panels name them. */
export type PanelCities = ReadonlyArray<{ readonly code: string; readonly name: string }>;

/** A panel about every bureau (the counts, the exchange matrix). */
export interface BureausPanel {
  show(cities: PanelCities): Promise<void>;
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
  let asked = 0;
  return {
    element,
    controls,
    body,
    setState(state, text) {
      element.dataset['state'] = state;
      note.textContent = text;
    },
    begin() {
      const mine = ++asked;
      element.dataset['state'] = 'loading';
      note.textContent = '加载中… Loading';
      return () => mine === asked;
    },
  };
}
