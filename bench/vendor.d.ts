// Just enough typing for the untyped libraries, as far as the adapters in libraries.ts use them.

declare module 'synaptic' {
  interface Connection {
    from: Neuron;
    weight: number;
  }
  interface Neuron {
    bias: number;
    connections: { inputs: Record<string, Connection> };
  }
  interface Layer {
    list: Neuron[];
  }
  class Network {
    layers: { input: Layer; hidden: Layer[]; output: Layer };
    activate(input: number[]): number[];
    propagate(rate: number, target: number[]): void;
  }
  const synaptic: { Architect: { Perceptron: new (...sizes: number[]) => Network } };
  export default synaptic;
}

declare module 'brain.js' {
  type Vec = number[] | Float32Array;
  class NeuralNetwork {
    constructor(options?: { hiddenLayers?: number[]; activation?: string; learningRate?: number });
    sizes: number[] | null;
    weights: Float32Array[][];
    biases: Float32Array[];
    trainOpts: { learningRate: number; momentum: number };
    initialize(): void;
    trainPattern(sample: { input: Vec; output: Vec }): void;
    run(input: Vec): Float32Array;
  }
  const brain: { NeuralNetwork: typeof NeuralNetwork };
  export default brain;
}

declare module 'convnetjs' {
  interface Shape {
    in_sx: number;
    in_sy: number;
    in_depth: number;
  }
  class Vol {
    constructor(values: number[]);
    w: Float64Array;
  }
  interface ConvLayer {
    layer_type: string;
  }
  class FullyConnLayer implements ConvLayer {
    constructor(opt: Shape & { num_neurons: number; bias_pref?: number });
    layer_type: string;
    filters: Vol[];
    biases: Vol;
  }
  class Net {
    layers: ConvLayer[];
    forward(x: Vol, isTraining?: boolean): Vol;
  }
  class Trainer {
    constructor(
      net: Net,
      options: { method: string; learning_rate: number; momentum: number; batch_size: number; l1_decay: number; l2_decay: number },
    );
    train(x: Vol, y: number[]): unknown;
  }
  const convnetjs: {
    Vol: typeof Vol;
    Net: typeof Net;
    Trainer: typeof Trainer;
    FullyConnLayer: typeof FullyConnLayer;
    InputLayer: new (opt: { out_sx: number; out_sy: number; out_depth: number }) => ConvLayer;
    SigmoidLayer: new (opt: Shape) => ConvLayer;
    RegressionLayer: new (opt: Shape) => ConvLayer;
  };
  export default convnetjs;
}
