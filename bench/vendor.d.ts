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
  interface Network {
    layers: { input: Layer; hidden: Layer[]; output: Layer };
    activate(input: number[]): number[];
    propagate(rate: number, target: number[]): void;
  }
  const synaptic: { Architect: { Perceptron: new (...sizes: number[]) => Network } };
  export default synaptic;
}

declare module 'brain.js' {
  type Vec = number[] | Float32Array;
  interface NeuralNetwork {
    sizes: number[] | null;
    weights: Float32Array[][];
    biases: Float32Array[];
    trainOpts: { learningRate: number; momentum: number };
    initialize(): void;
    formatData(samples: { input: Vec; output: Vec }[]): { input: Float32Array; output: Float32Array }[];
    trainPattern(sample: { input: Vec; output: Vec }): void;
    run(input: Vec): Float32Array;
  }
  const brain: {
    NeuralNetwork: new (options?: { activation?: string; learningRate?: number }) => NeuralNetwork;
  };
  export default brain;
}

declare module 'convnetjs' {
  interface Shape {
    in_sx: number;
    in_sy: number;
    in_depth: number;
  }
  interface Vol {
    w: Float64Array;
  }
  interface Layer {
    layer_type: string;
  }
  interface FullyConnLayer extends Layer {
    filters: Vol[];
    biases: Vol;
  }
  interface Net {
    layers: Layer[];
    forward(x: Vol, isTraining?: boolean): Vol;
  }
  interface TrainerOptions {
    method: string;
    learning_rate: number;
    momentum: number;
    batch_size: number;
    l1_decay: number;
    l2_decay: number;
  }
  const convnetjs: {
    Vol: new (values: number[]) => Vol;
    Net: new () => Net;
    Trainer: new (net: Net, options: TrainerOptions) => { train(x: Vol, y: number[]): unknown };
    InputLayer: new (opt: { out_sx: number; out_sy: number; out_depth: number }) => Layer;
    FullyConnLayer: new (opt: Shape & { num_neurons: number; bias_pref?: number }) => FullyConnLayer;
    SigmoidLayer: new (opt: Shape) => Layer;
    RegressionLayer: new (opt: Shape) => Layer;
  };
  export default convnetjs;
}
