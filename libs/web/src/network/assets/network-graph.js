// The network picture: an island on the network pages only. The page already lists every
// person, organisation and link (that is the page without JavaScript); this draws the same
// data, read from the page's JSON data block, with Cytoscape on a canvas. Selecting a node
// opens that person's or organisation's page. No inline script or style: the CSP allows
// neither, and Cytoscape needs neither.
import cytoscape from 'cytoscape';

const TEAL = '#00625e';
const DARK = '#0b0c0c';

function elementsOf(graph) {
  const nodes = graph.nodes.map((node) => ({
    data: { id: node.id, label: node.label, kind: node.kind, depth: node.depth, href: node.href },
    classes: [node.kind === 'PRACTITIONER' ? 'person' : 'organisation', node.depth === 0 ? 'centre' : ''].join(' '),
  }));
  const ids = new Set(graph.nodes.map((node) => node.id));
  const edges = graph.edges
    .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
    .map((edge, index) => ({
      data: { id: `link-${index}`, source: edge.source, target: edge.target, kind: edge.kind },
      classes: edge.kind === 'CONNECTED' ? 'connected' : 'organisational',
    }));
  return [...nodes, ...edges];
}

/**
 * Cytoscape adds a <style> element (".container { position: relative }") unless one with
 * its id is there already; the CSP refuses inline style, so this sets the same through the
 * CSSOM and leaves a marker with that id instead.
 */
function withoutInlineStylesheet(container) {
  const id = '__________cytoscape_stylesheet';
  if (!document.getElementById(id)) {
    const marker = document.createElement('template');
    marker.id = id;
    document.head.append(marker);
  }
  container.style.position = 'relative';
}

export function drawNetwork(container, graph) {
  container.hidden = false;
  withoutInlineStylesheet(container);
  const picture = cytoscape({
    container,
    elements: elementsOf(graph),
    // Rings by distance from the centre: the centre, then 1 step, then 2 steps.
    layout: {
      name: 'concentric',
      concentric: (node) => 3 - node.data('depth'),
      levelWidth: () => 1,
      minNodeSpacing: 60,
      spacingFactor: 1.4,
      padding: 30,
      animate: false,
    },
    minZoom: 0.3,
    maxZoom: 3,
    wheelSensitivity: 0.2,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 12,
          'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
          color: DARK,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'ellipsis',
          'text-max-width': 140,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': 2,
          width: 26,
          height: 26,
          'border-width': 2,
          'border-color': DARK,
        },
      },
      // People are circles, organisations squares: the shape says which, not only the colour.
      { selector: 'node.person', style: { shape: 'ellipse', 'background-color': TEAL } },
      { selector: 'node.organisation', style: { shape: 'round-rectangle', 'background-color': '#ffffff' } },
      { selector: 'node.centre', style: { width: 38, height: 38, 'border-width': 4, 'font-weight': 'bold' } },
      { selector: 'edge', style: { width: 2, 'line-color': '#505a5f', 'curve-style': 'bezier' } },
      { selector: 'edge.organisational', style: { 'line-style': 'dashed' } },
      { selector: 'node:active, node:selected', style: { 'overlay-color': '#ffdd00', 'overlay-opacity': 0.5 } },
    ],
  });
  picture.on('tap', 'node', (event) => {
    const href = event.target.data('href');
    if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) window.location.assign(href);
  });
  // Through the CSSOM, which the CSP allows (it forbids style attributes in the markup).
  picture.on('mouseover', 'node', () => (container.style.cursor = 'pointer'));
  picture.on('mouseout', 'node', () => (container.style.cursor = ''));
  return picture;
}

const data = document.getElementById('network-data');
const container = document.querySelector('.cn-graph');
if (data && container) {
  try {
    const graph = JSON.parse(data.textContent || '{}');
    if (Array.isArray(graph.nodes) && graph.nodes.length > 0) {
      // Kept on the element (not a global) so tests can find where each node was drawn.
      container.cnGraph = drawNetwork(container, graph);
    }
  } catch (error) {
    // The lists and the table are the page; without a picture nothing is lost.
    container.hidden = true;
    console.error('The network picture could not be drawn', error);
  }
}
