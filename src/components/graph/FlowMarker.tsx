/** The arrowhead the backward flow's lines start with (drawn once per graph, referenced by id). */
export function FlowMarker({ id }: { id: string }) {
  return (
    <defs>
      <marker
        id={id}
        viewBox="0 0 10 10"
        refX="5"
        refY="5"
        markerWidth="4"
        markerHeight="4"
        orient="auto-start-reverse"
      >
        <path className="graph-flow__arrow" d="M0,0 L10,5 L0,10 z" />
      </marker>
    </defs>
  );
}
