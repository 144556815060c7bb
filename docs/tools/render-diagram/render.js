// Renders a BPMN diagram to PNG as Camunda Modeler draws it (bpmn-js), in headless Chromium.
// Usage: node render.js [diagram.bpmn] [image.png]; defaults render the invoice collection for the README.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../../..');
const input = process.argv[2] || path.join(root, 'processes/invoice-collection.bpmn');
const output = process.argv[3] || path.join(root, 'docs/images/invoice-collection.png');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

(async () => {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 2600, height: 1000 } });
  const dist = path.join(__dirname, 'node_modules/bpmn-js/dist');
  await page.setContent(`<html><head><link rel="stylesheet" href="file://${dist}/assets/bpmn-js.css"></head>
    <body style="margin:0;background:#fff"><div id="canvas" style="width:2600px;height:1000px"></div></body></html>`);
  await page.addScriptTag({ path: `${dist}/bpmn-viewer.production.min.js` });
  const size = await page.evaluate(async (xml) => {
    const viewer = new BpmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(xml);
    if (warnings.length) throw new Error(warnings.map((w) => w.message).join('\n'));
    const canvas = viewer.get('canvas');
    canvas.zoom(1);
    const inner = canvas.viewbox().inner;
    canvas.viewbox({ x: inner.x - 20, y: inner.y - 20, width: inner.width + 40, height: inner.height + 40 });
    const scale = canvas.viewbox().scale;
    return { width: Math.ceil((inner.width + 40) * scale), height: Math.ceil((inner.height + 40) * scale) };
  }, fs.readFileSync(input, 'utf8'));
  await page.screenshot({ path: output, clip: { x: 0, y: 0, ...size } });
  await browser.close();
  console.log(`${path.relative(root, input)} -> ${path.relative(root, output)} (${size.width}x${size.height})`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
