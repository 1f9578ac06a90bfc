import { traceStep } from '../engine';
import { lesson004 } from '../../test/support/lesson004';

/** Temporary first screen: the default lesson's trace as a plain table. */
export function App() {
  const r = traceStep(lesson004());
  if (!r.ok) return <p>{r.condition.quantity}</p>;
  return (
    <main>
      <h1>Backprop, step by step</h1>
      <table>
        <tbody>
          {r.trace.layers.map((layer, l) => (
            <tr key={l}>
              <th>{l}</th>
              <td>{layer.z.map((v) => v.toFixed(4)).join(', ')}</td>
              <td>{layer.a.map((v) => v.toFixed(4)).join(', ')}</td>
              <td>{layer.delta.map((v) => v.toFixed(4)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
