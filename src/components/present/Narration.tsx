import { useMemo } from 'react';
import { narrationOf } from '../../formulas';
import { useT } from '../../i18n';
import { selectFormula, selectStep, useLessonStore } from '../../store';

/**
 * The step read out to screen readers, in a polite live region: its phase, then each value it computed named
 * in the lesson's notation with its value ("Backward: the error term δ²₂ of hidden neuron 2 is 0.0169").
 */
export function Narration() {
  const t = useT();
  const lesson = useLessonStore((s) => s.lesson);
  const digits = useLessonStore((s) => s.digits);
  const phase = useLessonStore((s) => selectStep(s)?.phase);
  const formula = useLessonStore((s) => selectFormula(s));
  const text = useMemo(() => {
    if (!phase || !formula) return '';
    const n = narrationOf(lesson, phase, formula.results, digits);
    const items = n.items.map((i) => t(i.key, i.params));
    if (n.more > 0) items.push(t('narrate.more', { count: n.more }));
    return t('narrate.sentence', { phase: t(n.phase.key), items: items.join(t('narrate.join')) });
  }, [t, lesson, phase, formula, digits]);
  return (
    <p className="sr-only" aria-live="polite" data-testid="narration">
      {text}
    </p>
  );
}
