export * from './assessment';
export * from './workshop';
export * from './checks';
export * from './limits';
