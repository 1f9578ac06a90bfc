import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLessonStore } from '../../store';
import { Tex } from '../Tex';
import { LessonValueField } from './LessonValueField';
import './matrix-edit.css';

/** Beyond this many cells a grid of fields helps no one: the graph's weights are edited one at a time instead. */
const MAX_CELLS = 64;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

interface MatrixEditGridProps {
  /** Layer l whose incoming weights W^l are edited (1 … L). */
  layer: number;
  /** TeX names of W^l and of the input vector, in the lesson's notation. */
  weightName: string;
  inputName: string;
}

/** W^l as a grid of number fields (and the input x beside it when l = 1): Enter applies a cell, Escape restores it. */
export function MatrixEditGrid({ layer, weightName, inputName }: MatrixEditGridProps) {
  const t = useT();
  const sizes = useLessonStore(useShallow((s) => s.lesson.layers.map((spec) => spec.size)));
  const rows = sizes[layer] ?? 0;
  const cols = sizes[layer - 1] ?? 0;
  if (rows * cols > MAX_CELLS) return <p className="matrix-edit__note">{t('editor.matrixTooLarge')}</p>;
  return (
    <div className="matrix-edit" role="group" aria-label={t('editor.matrixEdit')}>
      <div className="matrix-edit__block">
        <Tex tex={`${weightName} =`} />
        <div className="matrix-edit__grid" style={{ gridTemplateColumns: `repeat(${cols}, auto)` }}>
          {range(rows).map((j) =>
            range(cols).map((k) => (
              <LessonValueField
                key={`${j}:${k}`}
                target={{ kind: 'weight', layer, neuron: j, from: k }}
                compact
                hideLabel
              />
            )),
          )}
        </div>
      </div>
      {layer === 1 && (
        <div className="matrix-edit__block">
          <Tex tex={`${inputName} =`} />
          <div className="matrix-edit__grid" style={{ gridTemplateColumns: 'auto' }}>
            {range(cols).map((k) => (
              <LessonValueField key={k} target={{ kind: 'input', index: k }} compact hideLabel />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
