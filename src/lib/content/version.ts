import meta from './data/meta.json';

/** The question bank's version, without loading the bank (the first page needs only this). */
export const CONTENT_VERSION: string = meta.version;
