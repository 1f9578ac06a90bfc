import { benchTimeline } from './scripts/bench-timeline';
for (let i = 0; i < 3; i++) console.log(benchTimeline().map((r) => r.ms.toFixed(1)).join(' '));
