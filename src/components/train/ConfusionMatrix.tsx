import { useT } from '../../i18n';

interface Props {
  counts: number[][];
  members: number[][][];
  classNames: string[];
  /** Picks the first validation sample of a cell. */
  onPick: (validationIndex: number) => void;
}

/** Validation samples by actual class (rows) and predicted class (columns); a cell picks its first sample. */
export function ConfusionMatrix({ counts, members, classNames, onPick }: Props) {
  const t = useT();
  return (
    <table className="confusion">
      <caption>{t('train.confusion')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('train.actualPredicted')}</th>
          {classNames.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {counts.map((row, a) => (
          <tr key={a}>
            <th scope="row">{classNames[a]}</th>
            {row.map((n, p) => (
              <td key={p} className={a === p ? 'diagonal' : n > 0 ? 'wrong' : undefined}>
                <button
                  type="button"
                  disabled={n === 0}
                  aria-label={t('train.confusionCell', {
                    n,
                    actual: classNames[a],
                    predicted: classNames[p],
                  })}
                  onClick={() => onPick(members[a][p][0])}
                >
                  {n}
                </button>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
