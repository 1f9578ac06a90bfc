/**
 * A text symbol inside SVG text with its spelled-out subscripts lowered: `X_hidden,1` draws X with "hidden,1"
 * below the line, `∂E/∂O_output,1` likewise (a subscript runs to the next `/`, space or the end). Digit subscripts
 * are already Unicode (x₁) and pass through as they are.
 */
export function SymbolText({
  text,
  sub,
}: {
  text: string;
  /** Subscript font size (default 70%). */ sub?: number;
}) {
  const parts = text.split(/(_[^/\s]*)/).filter((p) => p !== '');
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('_') ? (
          <tspan key={i} className="graph-sub" baselineShift="sub" fontSize={sub ?? '70%'}>
            {p.slice(1)}
          </tspan>
        ) : (
          <tspan key={i}>{p}</tspan>
        ),
      )}
    </>
  );
}
