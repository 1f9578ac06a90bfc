// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import TrainView from '../../../src/components/train/TrainView';
import { trainerFactory } from '../../../src/components/train/useTrainer';
import { irisSplit } from '../../../src/data';
import { train } from '../../../src/engine/training';
import { lesson004 } from '../../../src/lessons';
import { iris } from '../../../src/lessons/iris';
import { initialState, lessonStore } from '../../../src/store';
import type { WorkerLike } from '../../../src/training/client';
import type { PageToWorker, WorkerToPage } from '../../../src/training/protocol';
import { Trainer } from '../../../src/training/trainer';
import { packMessage, type WireMessage } from '../../../src/training/wire';

/** The worker's logic run in this thread, messages copied both ways as a real worker would. */
function inProcessWorker(): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    postMessage: (m: PageToWorker) => trainer.handle(structuredClone(m)),
    terminate: () => trainer.handle({ type: 'pause' }),
  };
  const trainer = new Trainer({
    post: (m: WorkerToPage) =>
      setTimeout(() =>
        worker.onmessage?.({ data: structuredClone(packMessage(m)) } as MessageEvent<WireMessage>),
      ),
    now: () => performance.now(),
    schedule: (fn, delay) => setTimeout(fn, delay),
  });
  return worker;
}

beforeEach(() => {
  trainerFactory.create = inProcessWorker;
  lessonStore.setState({ ...initialState(iris), view: 'train' });
});
afterEach(cleanup);

const split = irisSplit(1);

describe('TrainView with the store', () => {
  it('trains one epoch as the engine does, opens the next sample’s step with the trained weights, undoably', async () => {
    render(<TrainView />);
    await waitFor(() => expect(lessonStore.getState().training.snapshot).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'One epoch' }));
    await waitFor(() => expect(screen.getByTestId('train-epoch').textContent).toBe('Epoch 1'));
    // the same epoch computed here by the engine's own loop: loss and weights agree
    const expected = train(iris, split, { epochs: 1, batchSize: 1, seed: 1 });
    const { training } = lessonStore.getState();
    expect(training.history).toHaveLength(1);
    expect(training.history[0].trainLoss).toBeCloseTo(expected.history[0].trainLoss, 12);
    expect(training.snapshot!.weights[1][2][4]).toBeCloseTo(expected.weights[1][2][4], 12);
    expect(screen.getByTestId('train-validation-accuracy').textContent).toBe(
      `Validation accuracy ${Math.round(expected.history[0].validationAccuracy! * 1000) / 10}%`,
    );

    // the next sample, by default: open its step
    const next = training.snapshot!.nextSample;
    expect(screen.getByTestId('train-sample').textContent).toContain(`no. ${next + 1}`);
    fireEvent.click(screen.getByRole('button', { name: 'Open this sample’s step' }));
    const opened = lessonStore.getState();
    expect(opened.view).toBe('step');
    expect(opened.cursor).toBe(0);
    expect(opened.lesson.sample).toEqual(split.train[next]);
    expect(opened.lesson.weights).toEqual(training.snapshot!.weights);
    expect(opened.lesson.biases).toEqual(training.snapshot!.biases);
    // coming back: the run is where it was
    act(() => lessonStore.getState().setView('train'));
    expect(screen.getByTestId('train-epoch').textContent).toBe('Epoch 1');
    expect(lessonStore.getState().training.snapshot!.nextSample).toBe(next);
    // undo brings back the lesson's own weights and sample; the run is untouched
    act(() => lessonStore.getState().undo());
    expect(lessonStore.getState().lesson.weights).toEqual(iris.weights);
    expect(lessonStore.getState().lesson.sample).toEqual(iris.sample);
    expect(lessonStore.getState().training.history).toHaveLength(1);
  });

  it('charts validation only for a data set that keeps samples for it', async () => {
    render(<TrainView />);
    await waitFor(() => expect(lessonStore.getState().training.snapshot).not.toBeNull());
    expect(screen.getAllByText('Validation loss').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Validation accuracy').length).toBeGreaterThan(0);
    cleanup();
    // lesson 004 trains on its one sample: nothing is kept for validation
    lessonStore.setState({ ...initialState(lesson004), view: 'train' });
    render(<TrainView />);
    await waitFor(() => expect(lessonStore.getState().training.snapshot).not.toBeNull());
    expect(screen.getAllByText('Training loss').length).toBeGreaterThan(0);
    expect(screen.queryAllByText('Validation loss')).toHaveLength(0);
    expect(screen.queryAllByText('Validation accuracy')).toHaveLength(0);
  });

  it('opens a picked sample (by its number) and a validation sample from the confusion matrix', async () => {
    render(<TrainView />);
    await waitFor(() => expect(lessonStore.getState().training.snapshot).not.toBeNull());
    fireEvent.change(screen.getByLabelText('Training sample'), { target: { value: '17' } });
    expect(screen.getByTestId('train-sample').textContent).toContain('Training sample no. 17');
    fireEvent.click(screen.getByRole('button', { name: 'Open this sample’s step' }));
    expect(lessonStore.getState().lesson.sample).toEqual(split.train[16]);
    act(() => lessonStore.getState().setView('train'));
    // untrained, the network calls every flower the same class: one column of the matrix holds all 20
    const cells = screen.getAllByRole('button', { name: /validation samples of/ });
    const full = cells.find((c) => c.textContent === '20' || Number(c.textContent) > 0)!;
    fireEvent.click(full);
    expect(screen.getByTestId('train-sample').textContent).toContain('Validation sample no.');
    fireEvent.click(screen.getByRole('button', { name: 'Open this sample’s step' }));
    const picked = lessonStore.getState().training.picked!;
    expect(picked.set).toBe('validation');
    expect(lessonStore.getState().lesson.sample).toEqual(split.validation[picked.index]);
  });

  it('says where training broke and offers a smaller η; the last good weights stay', async () => {
    // ReLU hidden, linear outputs and η = 10: the weights blow up within two epochs
    const layers = [
      iris.layers[0],
      { size: 5, activation: 'relu' as const },
      { size: 3, activation: 'identity' as const },
    ];
    lessonStore.setState({ ...initialState({ ...iris, layers, learningRate: 10 }), view: 'train' });
    render(<TrainView />);
    await waitFor(() => expect(lessonStore.getState().training.snapshot).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Start training' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    const stop = lessonStore.getState().training.stop!;
    expect(['nonFinite', 'limit']).toContain(stop.reason);
    expect(alert.textContent).toContain(`epoch ${stop.failure!.epoch}, sample ${stop.failure!.sample + 1}`);
    expect(alert.textContent).toContain('η = 10 is too large for this network; try 1.');
    const weights = lessonStore.getState().training.snapshot!.weights;
    expect(weights.flat(2).every((w) => Number.isFinite(w) && Math.abs(w) <= 1e6)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Lower η and go on' }));
    expect(lessonStore.getState().training.settings.learningRate).toBe(1);
    await waitFor(() => expect(lessonStore.getState().training.running).toBe(true));
  });

  it('tells the worker its frame rate while a run goes on as fast as possible, not at a set speed', async () => {
    const sent: PageToWorker[] = [];
    trainerFactory.create = () => {
      const w = inProcessWorker();
      const post = w.postMessage;
      w.postMessage = (m) => {
        sent.push(m);
        post(m);
      };
      return w;
    };
    const reports = () => sent.filter((m) => m.type === 'frames').length;
    render(<TrainView />);
    await waitFor(() => expect(lessonStore.getState().training.snapshot).not.toBeNull());
    fireEvent.change(screen.getByLabelText('Epochs to run'), { target: { value: '100000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start training' }));
    await waitFor(() => expect(reports()).toBeGreaterThan(0), { timeout: 3000 });
    const report = sent.find((m) => m.type === 'frames')!;
    expect(report.type === 'frames' && report.frameMs > 0).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Pause training' }));
    await waitFor(() => expect(lessonStore.getState().training.running).toBe(false));
    // paused, then running at 100 samples a second: no more reports
    const before = reports();
    fireEvent.change(screen.getByLabelText('Training speed'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start training' }));
    await new Promise((done) => setTimeout(done, 600));
    expect(lessonStore.getState().training.running).toBe(true);
    expect(reports()).toBe(before);
  });

  it('refuses a malformed CSV file with the line and column of each problem, and reads a good one', async () => {
    render(<TrainView />);
    const before = lessonStore.getState().lesson;
    const input = screen.getByLabelText('Open a CSV file…', { selector: 'input' });
    const bad = 'x,y,label\n1,2,a\n3,oops,b\n4,5\n';
    fireEvent.change(input, { target: { files: [new File([bad], 'bad.csv', { type: 'text/csv' })] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.csv was not read');
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/line 3.*column 2/i);
    expect(items[1]).toMatch(/line 4/i);
    expect(lessonStore.getState().lesson).toBe(before);

    const good = 'x,y,label\n0,0,no\n0,1,yes\n1,0,yes\n1,1,no\n0.5,0.5,no\n';
    fireEvent.change(input, { target: { files: [new File([good], 'good.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect(lessonStore.getState().lesson.dataset?.kind).toBe('csv'));
    const l = lessonStore.getState().lesson;
    // two features in, one output per class (no, yes)
    expect(l.layers.map((x) => x.size)).toEqual([2, 5, 2]);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => lessonStore.getState().undo());
    expect(lessonStore.getState().lesson).toBe(before);
  });
});
