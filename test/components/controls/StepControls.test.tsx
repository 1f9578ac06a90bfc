// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StepControls } from '../../../src/components/controls/StepControls';
import { lesson004 } from '../../../src/lessons';
import { initialState, lessonStore } from '../../../src/store';

beforeEach(() => lessonStore.setState({ ...initialState(lesson004) }));
afterEach(cleanup);

const position = () => screen.getByTestId('position').textContent;

describe('StepControls', () => {
  it('has accessible names on every control', () => {
    render(<StepControls />);
    for (const name of ['First step', 'Previous step', 'Play', 'Next step', 'Last step', 'Next iteration']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('slider', { name: 'Timeline' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Speed' })).toBeTruthy();
  });

  it('steps, clamps at the ends and disables what cannot be done', () => {
    render(<StepControls />);
    expect(position()).toContain('Step 1 / 32 · forward');
    expect((screen.getByRole('button', { name: 'Previous step' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    expect(position()).toContain('Step 2 / 32');
    fireEvent.click(screen.getByRole('button', { name: 'Last step' }));
    expect(position()).toContain('Step 32 / 32 · update');
    expect((screen.getByRole('button', { name: 'Next step' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'First step' }));
    expect(position()).toContain('Step 1 / 32');
  });

  it('the scrubber and the phase bands move the cursor', () => {
    render(<StepControls />);
    fireEvent.change(screen.getByRole('slider', { name: 'Timeline' }), { target: { value: '12' } });
    expect(position()).toContain('Step 13 / 32');
    fireEvent.click(screen.getByRole('button', { name: 'Go to the gradients phase' }));
    expect(position()).toContain('gradients');
  });

  it('play toggles to pause; the granularity switch changes the step count', () => {
    render(<StepControls />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    fireEvent.click(screen.getByLabelText('Layer (matrix)'));
    // layer detail: 2 forward, 1 loss, 2 backward (BP1, BP2), 2 gradient, 2 update steps
    expect(position()).toMatch(/Step \d+ \/ 9/);
  });

  it('next iteration records the loss and starts the next forward pass', () => {
    render(<StepControls />);
    fireEvent.click(screen.getByRole('button', { name: 'Last step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next iteration' }));
    expect(position()).toContain('Step 1 / 32');
    expect(screen.getByTestId('iteration').textContent).toContain('Iteration 2');
  });
});
