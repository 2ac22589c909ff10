/**
 * The jest helper layer of the tests: wiring (useCrayon, useSimulator, request hooks), shared
 * assertions, item accessors and the parameters runs are built from. The engine harness it
 * builds on (harness/) is a tool library of its own, also used by the demo and the benchmark.
 */
export * from './assertions';
export * from './crayon';
export * from './items';
export * from './parameters';
export * from './requests';
export * from './simulator';
export * from './hostile';
