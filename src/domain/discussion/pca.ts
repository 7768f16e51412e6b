import type { RandomSource } from './seeded-random';
import type { VoteMatrix } from './vote-matrix';

const MAX_ITERATIONS = 1000;
const TOLERANCE = 1e-10;

/**
 * Each participant's votes minus the statement's mean, with a missing vote imputed as that
 * mean (as Pol.is does), which after centring is simply 0: a missing vote pulls nowhere.
 */
export function centredVotes(matrix: VoteMatrix): Float64Array {
  const rows = matrix.participantIds.length;
  const columns = matrix.statementIds.length;
  const centred = new Float64Array(rows * columns);
  for (let j = 0; j < columns; j++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < rows; i++) {
      if (matrix.voted[i * columns + j] === 1) {
        sum += matrix.values[i * columns + j]!;
        count++;
      }
    }
    const mean = count === 0 ? 0 : sum / count;
    for (let i = 0; i < rows; i++) {
      if (matrix.voted[i * columns + j] === 1) {
        centred[i * columns + j] = matrix.values[i * columns + j]! - mean;
      }
    }
  }
  return centred;
}

/**
 * Xᵀ X of the centred votes (columns × columns, symmetric). Built once, so each power
 * iteration costs columns² rather than rows × columns: statements are far fewer than students.
 */
function scatterMatrix(centred: Float64Array, rows: number, columns: number): Float64Array {
  const scatter = new Float64Array(columns * columns);
  for (let i = 0; i < rows; i++) {
    const offset = i * columns;
    for (let a = 0; a < columns; a++) {
      const value = centred[offset + a]!;
      if (value === 0) continue;
      const rowA = a * columns;
      for (let b = a; b < columns; b++) scatter[rowA + b]! += value * centred[offset + b]!;
    }
  }
  for (let a = 0; a < columns; a++) {
    for (let b = 0; b < a; b++) scatter[a * columns + b] = scatter[b * columns + a]!;
  }
  return scatter;
}

function normalise(vector: Float64Array): number {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return norm;
}

function removeComponents(vector: Float64Array, components: readonly Float64Array[]): void {
  for (const component of components) {
    let dot = 0;
    for (let i = 0; i < vector.length; i++) dot += vector[i]! * component[i]!;
    for (let i = 0; i < vector.length; i++) vector[i]! -= dot * component[i]!;
  }
}

/**
 * The sign of an eigenvector is arbitrary: flip it so its largest loading (the first, on a
 * tie) is positive, so the map does not mirror from one computation to the next.
 */
function fixSign(vector: Float64Array): void {
  let largest = 0;
  for (let i = 1; i < vector.length; i++) {
    if (Math.abs(vector[i]!) > Math.abs(vector[largest]!) + 1e-12) largest = i;
  }
  if (vector[largest]! < 0) for (let i = 0; i < vector.length; i++) vector[i]! *= -1;
}

/**
 * The leading `count` principal axes (unit vectors over statements) by power iteration.
 * Each later axis is deflated by projecting the earlier ones out of every iterate: for
 * eigenvectors this is Hotelling's deflation, without rounding error re-growing the earlier
 * axis. An axis with no variance left is all zeros.
 */
export function principalAxes(
  centred: Float64Array,
  rows: number,
  columns: number,
  count: number,
  random: RandomSource,
): Float64Array[] {
  const scatter = scatterMatrix(centred, rows, columns);
  const axes: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    let axis = Float64Array.from({ length: columns }, () => random() - 0.5);
    removeComponents(axis, axes);
    let norm = normalise(axis);
    for (let iteration = 0; iteration < MAX_ITERATIONS && norm > 0; iteration++) {
      const next = new Float64Array(columns);
      for (let a = 0; a < columns; a++) {
        let sum = 0;
        const row = a * columns;
        for (let b = 0; b < columns; b++) sum += scatter[row + b]! * axis[b]!;
        next[a] = sum;
      }
      removeComponents(next, axes);
      norm = normalise(next);
      let change = 0;
      for (let i = 0; i < columns; i++) change += (next[i]! - axis[i]!) ** 2;
      axis = next;
      if (change < TOLERANCE) break;
    }
    if (norm <= 1e-12) axis.fill(0);
    else fixSign(axis);
    axes.push(axis);
  }
  return axes;
}

/**
 * Each participant's coordinates on the principal axes, interleaved (x0, y0, x1, y1, …).
 * Like Pol.is, a participant who voted on few statements is scaled out by
 * √(statements / their votes): their imputed votes sit at the mean and would otherwise pull
 * them to the centre of the map, whatever they think.
 */
export function projectParticipants(
  matrix: VoteMatrix,
  centred: Float64Array,
  axes: readonly Float64Array[],
): Float64Array {
  const rows = matrix.participantIds.length;
  const columns = matrix.statementIds.length;
  const dims = axes.length;
  const points = new Float64Array(rows * dims);
  for (let i = 0; i < rows; i++) {
    const scale = Math.sqrt(columns / Math.max(1, matrix.votesPerParticipant[i]!));
    for (let d = 0; d < dims; d++) {
      const axis = axes[d]!;
      let sum = 0;
      for (let j = 0; j < columns; j++) sum += centred[i * columns + j]! * axis[j]!;
      points[i * dims + d] = sum * scale;
    }
  }
  return points;
}
