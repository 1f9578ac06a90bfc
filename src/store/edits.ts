import {
  initialise,
  createRng,
  LIMITS,
  isValidPair,
  batchOf,
  type ActivationName,
  type InitScheme,
  type Lesson,
  type LossName,
} from '../engine';
import type { MessageRef } from '../formulas/types';
import { gateLesson, refusalMessage } from './gate';

/** An edit a student or teacher makes to the lesson. Layers are numbered as in the engine (1 … L). */
export type LessonEdit =
  | { kind: 'weight'; layer: number; neuron: number; from: number; value: number }
  | { kind: 'bias'; layer: number; neuron: number; value: number }
  | { kind: 'input'; index: number; value: number }
  | { kind: 'target'; index: number; value: number }
  | { kind: 'learningRate'; value: number }
  | { kind: 'activation'; layer: number; activation: ActivationName }
  | { kind: 'loss'; loss: LossName }
  | { kind: 'useBias'; value: boolean }
  | { kind: 'architecture'; sizes: number[]; activations: ActivationName[]; init: InitScheme; seed: number };

export type EditResult = { ok: true; lesson: Lesson } | { ok: false; message: MessageRef };

const refuse = (key: MessageRef['key'], params?: MessageRef['params']): EditResult => ({
  ok: false,
  message: { key, params },
});

function checkNumber(value: number): EditResult | null {
  if (!Number.isFinite(value)) return refuse('edit.notFinite');
  if (Math.abs(value) > LIMITS.maxMagnitude) return refuse('edit.tooLarge', { max: LIMITS.maxMagnitude });
  return null;
}

/** Returns the lesson with one edit applied, or refuses it with a message (the lesson stays as it was). */
export function applyEdit(lesson: Lesson, edit: LessonEdit): EditResult {
  const next = structuredClone(lesson);
  // The figures the lesson's source printed belong to its own numbers: the gate drops them from a changed lesson.
  switch (edit.kind) {
    case 'weight':
    case 'bias':
    case 'input':
    case 'target':
    case 'learningRate': {
      const bad = checkNumber(edit.value);
      if (bad) return bad;
      if (edit.kind === 'weight') next.weights[edit.layer - 1][edit.neuron][edit.from] = edit.value;
      if (edit.kind === 'bias') next.biases[edit.layer - 1][edit.neuron] = edit.value;
      if (edit.kind === 'input' || edit.kind === 'target') {
        // a mini-batch lesson's sample is its first one: the batch step reads the data set, so edit both
        const first = batchOf(next) ? next.dataset?.kind === 'inline' && next.dataset.samples[0] : null;
        for (const sample of first ? [next.sample, first] : [next.sample])
          sample[edit.kind][edit.index] = edit.value;
      }
      if (edit.kind === 'learningRate') {
        if (edit.value <= 0) return refuse('edit.learningRatePositive');
        next.learningRate = edit.value;
      }
      break;
    }
    case 'activation': {
      const L = next.layers.length - 1;
      if (edit.activation === 'softmax' && edit.layer !== L) return refuse('edit.softmaxOutputOnly');
      if (edit.layer === L && !isValidPair(edit.activation, next.loss)) {
        return refuse('edit.invalidPair', { activation: edit.activation, loss: next.loss });
      }
      next.layers[edit.layer].activation = edit.activation;
      break;
    }
    case 'loss': {
      const outAct = next.layers[next.layers.length - 1].activation ?? 'identity';
      if (!isValidPair(outAct, edit.loss))
        return refuse('edit.invalidPair', { activation: outAct, loss: edit.loss });
      next.loss = edit.loss;
      break;
    }
    case 'useBias':
      next.useBias = edit.value;
      if (!edit.value) next.biases = next.biases.map((b) => b.map(() => 0));
      break;
    case 'architecture': {
      const { sizes } = edit;
      if (sizes.length < 2 || sizes.length > LIMITS.maxLayers)
        return refuse('edit.layerCount', { max: LIMITS.maxLayers });
      if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > LIMITS.maxNeurons)) {
        return refuse('edit.neuronCount', { max: LIMITS.maxNeurons });
      }
      const init = initialise(sizes, edit.init, createRng(edit.seed), next.useBias);
      next.layers = sizes.map((size, l) =>
        l === 0 ? { size } : { size, activation: edit.activations[l] ?? 'sigmoid' },
      );
      next.weights = init.weights;
      next.biases = init.biases;
      next.seed = edit.seed;
      next.sample = {
        input:
          sizes[0] === lesson.sample.input.length
            ? next.sample.input
            : Array.from({ length: sizes[0] }, (_, k) => lesson.sample.input[k] ?? 0),
        target: resize(lesson.sample.target, sizes[sizes.length - 1]),
      };
      break;
    }
  }
  // Every edited lesson must still be a valid file with a finite step (autosave, links and saving rely on it).
  const gated = gateLesson(next);
  if (!gated.ok) {
    return { ok: false, message: refusalMessage(gated.refusal, EDIT_KEYS, next) };
  }
  return gated;
}

const EDIT_KEYS = { format: 'edit.invalidLesson', nonFinite: 'edit.nonFinite' } as const;

function resize(v: number[], n: number): number[] {
  return Array.from({ length: n }, (_, j) => v[j] ?? 0);
}
