/**
 * Pushes boxes apart until none overlap: each overlapping pair moves apart along the line between
 * their centres, half each way, just far enough to clear one axis. Quadratic in the number of boxes, which is meant for the few
 * dozen units of a grouped view's top level; it stops after `maxIterations` sweeps.
 */

/** A box around a point, by its extents on each side. */
export interface Box {
  x: number;
  y: number;
  left: number;
  right: number;
  up: number;
  down: number;
}

const centreX = (box: Box) => box.x + (box.right - box.left) / 2;
const centreY = (box: Box) => box.y + (box.down - box.up) / 2;

/**
 * Apart along the line between the centres, just far enough to clear one axis: boxes spread in
 * every direction (pushing along the cheaper axis alone lines wide boxes up in a column).
 */
function pushAlongCentres(a: Box, b: Box, overlapX: number, overlapY: number, i: number, j: number): void {
  let dx = centreX(b) - centreX(a);
  let dy = centreY(b) - centreY(a);
  const length = Math.hypot(dx, dy);
  if (length < 1e-9) {
    const angle = ((i * 7 + j * 13) % 32) * (Math.PI / 16);
    dx = Math.cos(angle);
    dy = Math.sin(angle);
  } else {
    // A slight turn, different per pair, so boxes lined up exactly still spread in two dimensions.
    const turn = (((i * 31 + j * 17) % 11) - 5) * 0.06;
    const [ux, uy] = [dx / length, dy / length];
    dx = ux * Math.cos(turn) - uy * Math.sin(turn);
    dy = ux * Math.sin(turn) + uy * Math.cos(turn);
  }
  const clearX = Math.abs(dx) > 1e-6 ? overlapX / Math.abs(dx) : Number.POSITIVE_INFINITY;
  const clearY = Math.abs(dy) > 1e-6 ? overlapY / Math.abs(dy) : Number.POSITIVE_INFINITY;
  const push = (Math.min(clearX, clearY) / 2) * 1.01 + 1e-6;
  a.x -= dx * push;
  a.y -= dy * push;
  b.x += dx * push;
  b.y += dy * push;
}

/** Apart along the axis where the boxes overlap least, half each way. */
function pushAlongAxis(a: Box, b: Box, overlapX: number, overlapY: number): void {
  if (overlapX < overlapY) {
    const sign = centreX(a) <= centreX(b) ? 1 : -1;
    a.x -= (sign * overlapX * 1.01) / 2 + sign * 1e-6;
    b.x += (sign * overlapX * 1.01) / 2 + sign * 1e-6;
  } else {
    const sign = centreY(a) <= centreY(b) ? 1 : -1;
    a.y -= (sign * overlapY * 1.01) / 2 + sign * 1e-6;
    b.y += (sign * overlapY * 1.01) / 2 + sign * 1e-6;
  }
}

/** Moves the boxes' points so no two boxes overlap; returns whether it got there. */
export function separateBoxes(boxes: Box[], maxIterations = 500): boolean {
  for (let sweep = 0; sweep < maxIterations; sweep++) {
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as Box;
        const b = boxes[j] as Box;
        const overlapX = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left);
        const overlapY = Math.min(a.y + a.down, b.y + b.down) - Math.max(a.y - a.up, b.y - b.up);
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        if (sweep < maxIterations / 2) pushAlongCentres(a, b, overlapX, overlapY, i, j);
        // Pushes along the line between centres can chase each other round a crowded spot: the
        // second half of the sweeps pushes along the cheaper axis, which settles.
        else pushAlongAxis(a, b, overlapX, overlapY);
      }
    }
    if (!moved) return true;
  }
  return false;
}
