// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. From the eighth
// partition on, dash patterns keep series apart where colours repeat.
const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"];
const DASHES = [[], [6, 3], [2, 3], [8, 3, 2, 3]];

export function partitionColor(index) {
  return {
    color: OKABE_ITO[index % OKABE_ITO.length],
    dash: DASHES[Math.floor(index / OKABE_ITO.length) % DASHES.length],
  };
}
