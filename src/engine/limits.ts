/** Size caps of a lesson file, named in the messages that enforce them. */
export const LIMITS = {
  maxLayers: 10,
  maxNeurons: 64,
  maxSamples: 1000,
  /** Largest magnitude of any weight, bias, input, target or learning rate. */
  maxMagnitude: 1e6,
  /** Largest noise (a standard deviation in input units) of a generated data set. */
  maxNoise: 2,
} as const;
