export * from './datasets';
export { IRIS_CLASSES, IRIS_FEATURES } from './irisData';
