/**
 * Reads the dark modules back out of an SVG QR code as drawn by `qrcode` (one stroked path of horizontal runs), so
 * a test can compare the picture the studio shows with the symbol a given text encodes to.
 */
export function svgQrModules(svg: string): { size: number; margin: number; dark: boolean[] } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="#000000" d="([^"]*)"\/>/.exec(svg);
  if (!viewBox || !path) throw new Error('Not an SVG QR code drawn by qrcode');
  const total = Number(viewBox[1]);
  const firstMove = /^M(\d+) /.exec(path[1]);
  const margin = firstMove ? Number(firstMove[1]) : 0;
  const size = total - 2 * margin;
  const dark = new Array<boolean>(size * size).fill(false);
  let x = 0;
  let y = 0;
  for (const [, command, first, second] of path[1].matchAll(/([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const value = Number(first);
    if (command === 'M') [x, y] = [value, Number(second)];
    else if (command === 'm') [x, y] = [x + value, y + Number(second)];
    else {
      for (let column = x; column < x + value; column += 1) dark[Math.floor(y - margin) * size + (column - margin)] = true;
      x += value;
    }
  }
  return { size, margin, dark };
}
